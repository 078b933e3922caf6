-- A history the drift-clean IT applies exactly to a fresh PostgreSQL database: drift finds nothing.
create table public.authors (
  id bigint generated always as identity primary key,
  name text not null,
  email varchar(200) unique
);

create table public.books (
  id bigint generated always as identity primary key,
  author_id bigint not null references public.authors (id) on delete cascade,
  title text not null,
  published date,
  price numeric(8, 2)
);
