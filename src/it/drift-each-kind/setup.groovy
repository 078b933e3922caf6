// Before the build: a throwaway PostgreSQL (src/it/drift-postgres.groovy) on 127.0.0.1:55492 holding the history of
// supabase/migrations as Supabase applies it (each file, a row per file in supabase_migrations.schema_migrations),
// then changed by hand with one drift of each kind. A failure stops the server again.
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
scripts << '''
-- made in a dashboard: a table, a column and a unique key no migration creates
create table public.audit_log (id bigint primary key, payload jsonb);
alter table public.orders add column discount numeric;
alter table public.products add constraint products_name_key unique (name);
-- dropped by hand
drop table public.archive;
-- changed by hand: an FK repointed, a column's type
alter table public.order_items drop constraint order_items_product_id_fkey;
alter table public.order_items add constraint order_items_product_id_fkey
  foreign key (product_id) references public.legacy_products (id);
alter table public.orders alter column amount type bigint;
-- a migration recorded as applied that has no file, and a file applied but never recorded
insert into supabase_migrations.schema_migrations (version, name) values ('20240502120000', 'hotfix');
delete from supabase_migrations.schema_migrations where version = '20240503000000';
'''
DriftPostgres.newInstance(basedir, 55492).start('drift_each_kind', scripts)
return true
