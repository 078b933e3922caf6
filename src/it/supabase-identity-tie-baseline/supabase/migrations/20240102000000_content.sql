-- Two FKs to each identity table: a tie.
create table public.posts (id bigint primary key, author_id uuid references auth.users(id));
create table public.comments (id bigint primary key, author_id uuid references public.users(id));
create table public.likes (id bigint primary key, user_id uuid references auth.users(id));
create table public.follows (id bigint primary key, user_id uuid references public.users(id));
