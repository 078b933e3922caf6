alter table public.books add column tags text[] not null default '{}';

create table public.shelves (
  reader_id uuid not null references public.readers (id) on delete cascade,
  book_id bigint not null references public.books (id),
  added_at timestamptz not null default now(),
  primary key (reader_id, book_id)
);
