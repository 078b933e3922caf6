// The branch adds a clean migration and a broken one (the second left uncommitted, as on a developer's machine).
def git = evaluate(new File(basedir, 'git-history.groovy'))(basedir)
git.write('supabase/migrations/20250201000000_new_clean.sql', 'create table customers (id bigint primary key);\n')
git.run(['add', '-A'])
git.run(['commit', '-q', '-m', 'clean migration'])
git.write('supabase/migrations/20250301000000_new_broken.sql',
        'create table invoices (id bigint primary key, account_id bigint references accounts(id));\n')
return true
