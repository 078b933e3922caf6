create table public.gadgets (id bigint primary key, name text not null);
