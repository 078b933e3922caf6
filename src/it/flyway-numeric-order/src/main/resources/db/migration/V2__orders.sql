create table orders (
  id bigint primary key,
  user_id bigint not null references users(id),
  total_cents integer not null
);
