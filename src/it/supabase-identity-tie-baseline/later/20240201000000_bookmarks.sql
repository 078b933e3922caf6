-- A new FK to public.users: by majority alone it would now win 3 to 2.
create table public.bookmarks (id bigint primary key, user_id uuid references public.users(id));
