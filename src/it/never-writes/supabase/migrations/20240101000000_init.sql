create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text
);

create table public.posts (
  id bigint generated always as identity primary key,
  author_id uuid not null references public.profiles (id),
  body text
);
