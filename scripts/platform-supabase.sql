-- Writes src/main/resources/dev/refguard/schema/platform-supabase.tsv: the objects Supabase's own services
-- create in the schemas auth and storage, read from a PostgreSQL 15 database on which the migrations of
-- supabase/auth (migrations/*.up.sql, "Namespace" set to auth) and supabase/storage (migrations/tenant/*.sql)
-- were applied in order. Run with: psql -X -At -F $'\t' -f scripts/platform-supabase.sql > <resource>
-- (docs/replay-guards.md, "Platform objects").
select kind, a, b, c, d, e from (
  select 1 as o, 'schema' as kind, nspname as a, '' as b, '' as c, '' as d, '' as e, nspname as s1, '' as s2, '' as s3
  from pg_namespace where nspname in ('auth', 'storage')
  union all
  select 2, case c.relkind when 'r' then 'table' when 'p' then 'table' when 'v' then 'view' when 'm' then 'view'
              when 'S' then 'sequence' end,
         n.nspname, c.relname, '', '', '', n.nspname, c.relname, ''
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname in ('auth', 'storage') and c.relkind in ('r', 'p', 'v', 'm', 'S')
  union all
  select 3, 'column', n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), '',
         n.nspname, c.relname, lpad(a.attnum::text, 4, '0')
  from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
  where n.nspname in ('auth', 'storage') and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
  union all
  select 4, 'constraint', n.nspname, c.relname, k.conname, k.contype::text,
         coalesce((select string_agg(a.attname, ',' order by u.ord)
                   from unnest(k.conkey) with ordinality u(attnum, ord)
                   join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum), ''),
         n.nspname, c.relname, k.conname
  from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
  where n.nspname in ('auth', 'storage')
  union all
  select 5, 'index', n.nspname, t.relname, i.relname,
         concat_ws(' ', case when x.indisunique then 'unique' else 'plain' end,
                   case when x.indpred is not null then 'partial' end,
                   case when x.indexprs is not null then 'expression' end),
         coalesce((select string_agg(a.attname, ',' order by u.ord)
                   from unnest(x.indkey::int2[]) with ordinality u(attnum, ord)
                   join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.attnum), ''),
         n.nspname, t.relname, i.relname
  from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
  join pg_namespace n on n.oid = t.relnamespace
  where n.nspname in ('auth', 'storage')
  union all
  select 6, 'type', n.nspname, t.typname, case t.typtype when 'e' then 'enum' when 'd' then 'domain' else 'other' end,
         '', '', n.nspname, t.typname, ''
  from pg_type t join pg_namespace n on n.oid = t.typnamespace
  where n.nspname in ('auth', 'storage') and t.typtype in ('e', 'd')
) facts
order by o, s1, s2, s3;
