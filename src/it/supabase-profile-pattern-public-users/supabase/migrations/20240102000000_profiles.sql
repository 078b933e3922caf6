-- The profile pattern, as Supabase's docs write it: the whole primary key is an FK to auth.users.
create table public.profiles (
  id uuid not null references auth.users on delete cascade,
  avatar_url text,
  primary key (id)
);
