-- Written on a branch made before the rename.
alter table public.gadgets add column price numeric;
