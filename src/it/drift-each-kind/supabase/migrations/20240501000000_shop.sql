-- The history the drift-each-kind IT applies to a fresh PostgreSQL database before its setup.groovy changes the
-- database by hand: one drift of each kind.
create table public.customers (
  id uuid primary key,
  email text not null
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
  amount integer not null
);

create table public.archive (
  id bigint primary key,
  archived_at timestamptz not null default now()
);
