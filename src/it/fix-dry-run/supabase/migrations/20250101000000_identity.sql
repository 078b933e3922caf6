-- Most FKs use public.users, whose rows a trigger copies from auth.users; songs.last_modified_by was written
-- against auth.users: mixed-user-reference.
create table public.users (
  id uuid primary key references auth.users(id) on delete cascade,
  display_name text
);

create or replace function public.handle_new_user() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.users (id) values (new.id);
  return new;
end;
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_user();

create table public.songs (
  id bigint generated always as identity primary key,
  title text not null,
  created_by uuid not null references public.users(id),
  edited_by uuid references public.users(id),
  last_modified_by uuid references auth.users(id) on delete set null
);
