-- The history the drift tests apply to a real database, exactly (a clean database) and then with one drift of
-- each kind made by hand (DriftTest).
create table public.customers (
  id uuid primary key,
  user_id uuid not null references auth.users (id),
  email text not null unique
);

create table public.products (
  id integer primary key,
  name text not null
);

create table public.legacy_products (
  id integer primary key,
  name text not null
);

create table public.orders (
  id bigint generated always as identity primary key,
  customer_id uuid not null references public.customers (id),
  amount integer not null,
  note varchar(200)
);

create table public.archive (
  id bigint primary key,
  archived_at timestamptz not null default now()
);
