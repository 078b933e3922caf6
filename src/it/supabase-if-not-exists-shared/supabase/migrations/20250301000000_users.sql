-- public.users already exists on the shared instance, created by another project with other columns.
create table if not exists users (id uuid primary key, email text, is_anonymous boolean);
