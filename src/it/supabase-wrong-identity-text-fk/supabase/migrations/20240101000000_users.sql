create table public.users (id uuid primary key references auth.users(id) on delete cascade, email text);
