create schema shop;

create table shop.customers (
  id bigint primary key
);

create table shop.orders (
  id bigint primary key,
  customer_id bigint not null references shop.customers (id),
  coupon_id bigint references shop.coupons (id)
);
