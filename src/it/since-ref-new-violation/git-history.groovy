// Shared by the sinceRef integration builds: a git repository in the project with a migration on main that breaks a
// reference (a legacy finding), and a branch "feature" checked out.
return { File dir ->
    def run = { List<String> args ->
        def command = ['git', '-c', 'user.name=refguard-it', '-c', 'user.email=it@example.invalid',
                       '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false'] + args
        def process = command.execute(null, dir)
        def out = new StringBuilder()
        process.waitForProcessOutput(out, out)
        assert process.exitValue() == 0 : "${args.join(' ')}: ${out}"
        return out.toString()
    }
    def write = { String path, String text ->
        def file = new File(dir, path)
        file.parentFile.mkdirs()
        file.setText(text, 'UTF-8')
    }
    new File(dir, '.gitignore').text = 'target/\nbuild.log\n*.groovy\ninvoker.properties\n'
    write('supabase/migrations/20250101000000_old.sql',
            'create table orders (id bigint primary key, customer_id bigint);\n' +
            'alter table orders add foreign key (customer_id) references customers(id);\n')
    run(['init', '-q'])
    run(['add', '-A'])
    run(['commit', '-q', '-m', 'old migration with a broken reference'])
    run(['checkout', '-q', '-b', 'feature'])
    return [run: run, write: write]
}
