-- comments reference a table that no migration creates
create table public.comments (
  id bigint generated always as identity primary key,
  thread_id bigint not null references public.threads (id),
  body text
);

-- a statement neither reader understands, and an unterminated quote at the end of the file
alter table public.posts frobnicate everything;
insert into public.posts (body) values ('never closed
