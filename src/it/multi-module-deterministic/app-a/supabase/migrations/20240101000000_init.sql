create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  handle text unique
);

create table public.posts (
  id bigint generated always as identity primary key,
  author_id uuid not null references public.profiles (id),
  -- a text column cannot reference a uuid key
  editor_handle text references public.profiles (id)
);
