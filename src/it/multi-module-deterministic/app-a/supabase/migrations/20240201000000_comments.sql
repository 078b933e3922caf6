create table public.comments (
  id bigint generated always as identity primary key,
  post_id bigint not null references public.posts (id),
  thread_id bigint references public.threads (id)
);

create table public.threads (
  id bigint primary key
);
