create table audit (
  id bigint primary key,
  happened_at timestamptz not null,
  action text not null
);
