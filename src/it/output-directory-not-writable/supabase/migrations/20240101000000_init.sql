create table public.posts (
  id bigint primary key,
  author_id uuid references auth.users (id)
);
