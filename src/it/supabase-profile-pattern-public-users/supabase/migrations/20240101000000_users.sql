create table public.users (
  id uuid primary key references auth.users(id) on delete cascade,
  email text
);

-- New sign-ups are copied into public.users, as Supabase's docs write the trigger.
create function public.handle_new_user()
returns trigger
language plpgsql
security definer set search_path = ''
as $$
begin
  insert into public.users (id) values (new.id);
  return new;
end;
$$;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute procedure public.handle_new_user();
