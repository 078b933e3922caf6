create table public.teams (id bigint primary key, owner_id uuid not null references public.users(id));
create table public.members (id bigint primary key, user_id uuid not null references public.users(id));
create table public.invites (id bigint primary key, invited_by uuid references public.users(id));
