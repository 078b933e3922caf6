create table public.readers (
  id uuid primary key,
  handle text not null unique
);

create table public.reviews (
  book_id bigint not null references public.books (id) on delete cascade,
  reader_id uuid not null references public.readers (id),
  stars smallint not null check (stars between 1 and 5),
  body text,
  primary key (book_id, reader_id)
);
