-- A Supabase repository without any Maven build; posts was never created by a migration.
create table public.comments (
  id bigint generated always as identity primary key,
  post_id bigint not null references public.posts(id) on delete cascade,
  body text not null
);
