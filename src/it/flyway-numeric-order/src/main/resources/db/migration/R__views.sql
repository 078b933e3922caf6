create or replace view order_summary as
  select o.id, u.email, o.total_cents
  from orders o
  join users u on u.id = o.user_id;
