create table public.orders (
  id bigint primary key,
  coupon_id bigint references public.coupons(id),
  voucher_id bigint references public.vouchers(id)
);
