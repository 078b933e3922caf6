-- legacy.accounts and billing.customers are created by the legacy application, outside these migrations.
create table public.orders (
  id bigint primary key,
  account_id bigint not null references legacy.accounts(id) -- refguard:ignore missing-reference-target table comes from the legacy app
);

create table public.invoices (
  id bigint primary key,
  customer_id bigint references billing.customers(id) -- refguard:ignore missing-reference-target
);

-- refguard:ignore fk-type-mismatch amounts are converted by the application
create table public.payments (
  id bigint primary key,
  invoice_id bigint not null references public.invoices(id)
);
