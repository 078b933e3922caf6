-- migrate:up
create table posts (
  id bigserial primary key,
  author_id bigint not null references users (id),
  title text not null
);

-- migrate:down
drop table posts;
drop table users;
