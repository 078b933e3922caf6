create table public.order_items (
  order_id bigint not null references public.orders (id) on delete cascade,
  product_id integer not null references public.products (id),
  quantity integer not null default 1,
  primary key (order_id, product_id)
);
