insert into public.profiles (id, display_name) values ('00000000-0000-0000-0000-000000000001', 'demo');
