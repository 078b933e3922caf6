// Before the build: a throwaway PostgreSQL (src/it/drift-postgres.groovy) on 127.0.0.1:55491 holding the history of
// supabase/migrations applied exactly, as Supabase applies it: each file, and a row per file in
// supabase_migrations.schema_migrations. A failure stops the server again.
def DriftPostgres = evaluate(new File(itSourceDirectory, 'drift-postgres.groovy'))
def files = new File(basedir, 'supabase/migrations').listFiles().findAll { it.name.endsWith('.sql') }.sort { it.name }
assert files.size() == 3
def scripts = ['create schema supabase_migrations;' +
        ' create table supabase_migrations.schema_migrations (version text primary key, statements text[], name text)']
files.each { f ->
    def (version, name) = (f.name - '.sql').split('_', 2)
    scripts << f
    scripts << "insert into supabase_migrations.schema_migrations (version, name) values ('${version}', '${name}')".toString()
}
DriftPostgres.newInstance(basedir, 55491).start('drift_clean', scripts)
return true
