-- Baseline schema of a band-management app on Supabase.
-- public.users is the application's profile table, kept 1:1 with the platform's auth.users.

create table public.users (
  id uuid primary key references auth.users(id) on delete cascade,
  email text not null,
  display_name text
);

create table public.bands (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  owner_id uuid not null references public.users(id),
  created_at timestamptz not null default now()
);

create table public.band_members (
  band_id uuid not null references public.bands(id) on delete cascade,
  user_id uuid not null references public.users(id) on delete cascade,
  role text not null default 'member',
  primary key (band_id, user_id)
);

create table public.songs (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null references public.bands(id) on delete cascade,
  title text not null,
  created_by uuid not null references public.users(id),
  last_modified_by uuid references public.users(id)
);

create table public.setlists (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null references public.bands(id) on delete cascade,
  name text not null,
  created_by uuid not null references public.users(id),
  last_modified_by uuid references public.users(id)
);

create table public.setlist_items (
  setlist_id uuid not null references public.setlists(id) on delete cascade,
  song_id uuid not null references public.songs(id),
  position integer not null,
  added_by uuid references public.users(id),
  primary key (setlist_id, position)
);

create table public.rehearsals (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null references public.bands(id) on delete cascade,
  starts_at timestamptz not null,
  scheduled_by uuid not null references public.users(id)
);

create table public.attendance (
  rehearsal_id uuid not null references public.rehearsals(id) on delete cascade,
  user_id uuid not null references public.users(id),
  status text not null,
  primary key (rehearsal_id, user_id)
);

create table public.comments (
  id uuid primary key default gen_random_uuid(),
  song_id uuid not null references public.songs(id) on delete cascade,
  author_id uuid not null references public.users(id),
  body text not null,
  edited_by uuid references public.users(id)
);

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  band_id uuid not null references public.bands(id) on delete cascade,
  invited_by uuid not null references public.users(id),
  accepted_by uuid references public.users(id)
);

alter table public.songs enable row level security;
alter table public.setlists enable row level security;

-- New sign-ups are copied into public.users, as Supabase's docs write the trigger.
create function public.handle_new_user()
returns trigger
language plpgsql
security definer set search_path = ''
as $$
begin
  insert into public.users (id, email) values (new.id, new.email);
  return new;
end;
$$;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute procedure public.handle_new_user();
