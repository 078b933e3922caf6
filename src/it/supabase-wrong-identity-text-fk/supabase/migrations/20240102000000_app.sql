create table public.projects (id bigint primary key, owner_id uuid references auth.users(id));
create table public.tasks (id bigint primary key, assignee_id uuid references auth.users(id));
create table public.comments (id bigint primary key, author_id uuid references auth.users(id));
-- Two problems on one line: text against a uuid key, and the other identity table.
create table public.notes (id bigint primary key, user_id text references public.users(id));
