create table public.reviews (
  id bigint generated always as identity primary key,
  product_id integer not null references public.products (id) on delete cascade,
  customer_id uuid references public.customers (id) on delete set null,
  stars smallint not null
);
