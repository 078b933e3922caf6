alter table public.gadgets rename to items;
