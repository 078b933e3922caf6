-- migrate:up transaction:false
create table comments (
  id bigserial primary key,
  post_id bigint not null references posts (id) on delete cascade,
  author_id bigint not null references users (id)
);

-- migrate:down
drop table comments;
drop table posts;
drop table users;
