// A repository with history on main and feature is cloned with depth 1 into the project itself (as CI checks out a
// pull request), so the merge base of feature and origin/main is not in the clone.
def upstream = new File(basedir.parentFile, basedir.name + '-upstream')
upstream.deleteDir()
upstream.mkdirs()
new File(basedir, 'git-history.groovy').withInputStream { new File(upstream, 'git-history.groovy') << it }
def git = evaluate(new File(upstream, 'git-history.groovy'))(upstream)
git.run(['checkout', '-q', 'main'])
git.write('supabase/migrations/20250115000000_main.sql', 'create table customers (id bigint primary key);\n')
git.run(['add', '-A'])
git.run(['commit', '-q', '-m', 'main moves on'])
git.run(['checkout', '-q', 'feature'])
git.write('supabase/migrations/20250201000000_new.sql', 'create table notes (id bigint primary key);\n')
git.run(['add', '-A'])
git.run(['commit', '-q', '-m', 'feature'])
git.run(['clone', '-q', '--depth', '1', '--no-single-branch', 'file://' + upstream.absolutePath, new File(basedir, 'clone').path])
def clone = new File(basedir, 'clone')
git.run(['-C', clone.path, 'checkout', '-q', 'feature'])
// the project is the shallow clone: move its files up beside the pom
new File(clone, 'supabase').renameTo(new File(basedir, 'supabase'))
new File(clone, '.git').renameTo(new File(basedir, '.git'))
new File(clone, '.gitignore').renameTo(new File(basedir, '.gitignore'))
clone.deleteDir()
return true
