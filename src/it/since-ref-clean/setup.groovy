// The branch adds a clean migration and commits it.
def git = evaluate(new File(basedir, 'git-history.groovy'))(basedir)
git.write('supabase/migrations/20250201000000_new_clean.sql',
        'create table customers (id bigint primary key);\ncreate table notes (id bigint primary key, order_id bigint references orders(id));\n')
git.run(['add', '-A'])
git.run(['commit', '-q', '-m', 'clean migration'])
return true
