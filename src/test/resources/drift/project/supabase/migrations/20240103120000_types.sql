-- Columns of many types, so that a clean database proves the types PostgreSQL's format_type writes and the types
-- the replay keeps compare equal (modifiers, aliases, arrays, serials, enums and domains, qualified or not).
create type public.mood as enum ('happy', 'sad');
create schema app;
create type app.status as enum ('open', 'closed');
create domain public.email_address as text check (value like '%@%');

create table public.type_zoo (
  id serial primary key,
  big bigserial,
  small int2,
  price numeric(10, 2),
  ratio float,
  real_ratio float4,
  flag bool,
  code char(3),
  title varchar(80),
  tags text[],
  matrix integer[][],
  created timestamp(3),
  created_tz timestamptz,
  starts time,
  span interval day to second,
  payload jsonb,
  raw bytea,
  ip inet,
  mood public.mood,
  status app.status,
  email public.email_address,
  unique (code, title)
);

create table app.tickets (
  id uuid primary key,
  status app.status not null,
  zoo_id integer references public.type_zoo (id)
);
