create table shop.order_items (
  order_id bigint not null references shop.orders (id),
  sku text not null,
  primary key (order_id, sku)
);

create table shop.orders (
  id bigint primary key
);
