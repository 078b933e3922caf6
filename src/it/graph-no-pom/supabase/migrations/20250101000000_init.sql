create table public.profiles (
  id uuid primary key references auth.users(id) on delete cascade,
  username text unique
);
create table public.posts (
  id bigint generated always as identity primary key,
  author_id uuid not null references public.profiles(id),
  category_id bigint references public.categories(id)
);
