-- profiles extends auth.users and posts reference it, but nothing inserts a profile when a user signs up:
-- missing-user-sync-trigger.
create table public.profiles (
  id uuid primary key references auth.users(id) on delete cascade,
  bio text
);

create table public.posts (
  id bigint generated always as identity primary key,
  author_id uuid not null default auth.uid() references public.profiles(id),
  body text
);
