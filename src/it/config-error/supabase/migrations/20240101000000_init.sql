create table public.projects (
  id bigint primary key,
  name text not null
);
