-- The project's own table: this is its one and only definition, so IF NOT EXISTS is harmless here.
create table if not exists public.app_profiles (
  id uuid primary key,
  display_name text,
  is_anonymous boolean not null default false
);
