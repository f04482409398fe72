-- Billing: prices, coupons, orders and their payments, and a double-entry ledger. Amounts are integer minor
-- units of an ISO 4217 currency (bigint); nothing here is a float.

-- The tenant's terms: currency, platform commission and tax in basis points, refund window.
create table billing.settings (
  tenant_id           uuid not null primary key,
  currency            text not null check (currency ~ '^[A-Z]{3}$'),
  commission_bp       int not null check (commission_bp between 0 and 10000),
  tax_rate_bp         int not null check (tax_rate_bp between 0 and 10000),
  refund_window_days  int not null check (refund_window_days between 0 and 365),
  version             int not null default 1,
  updated_at          timestamptz not null default now()
);
select platform.enable_tenant_rls('billing.settings');

-- A price of a course or a lesson. Catalog's `priceRef` names a price by its id. `payee_id`: the user paid
-- the share after commission (null: the tenant keeps it).
create table billing.prices (
  tenant_id     uuid not null,
  id            uuid not null,
  product_kind  text not null check (product_kind in ('course', 'lesson')),
  product_id    uuid not null,
  amount_minor  bigint not null check (amount_minor >= 0),
  currency      text not null check (currency ~ '^[A-Z]{3}$'),
  payee_id      uuid,
  version       int not null default 1,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, product_kind, product_id)
);
select platform.enable_tenant_rls('billing.prices');

create table billing.coupons (
  tenant_id        uuid not null,
  code             text not null,
  kind             text not null check (kind in ('percent', 'fixed')),
  percent_bp       int check (percent_bp between 1 and 10000),
  amount_minor     bigint check (amount_minor > 0),
  currency         text check (currency ~ '^[A-Z]{3}$'),
  expires_at       timestamptz,
  max_redemptions  int check (max_redemptions > 0),
  redemptions      int not null default 0,
  active           boolean not null default true,
  version          int not null default 1,
  created_at       timestamptz not null default now(),
  primary key (tenant_id, code),
  check ((kind = 'percent' and percent_bp is not null and amount_minor is null and currency is null)
      or (kind = 'fixed' and percent_bp is null and amount_minor is not null and currency is not null))
);
select platform.enable_tenant_rls('billing.coupons');

-- What billing knows of published courses: the title for receipts, and who published it (may price it).
create table billing.courses (
  tenant_id     uuid not null,
  course_id     uuid not null,
  title         text not null,
  published_by  uuid,
  primary key (tenant_id, course_id)
);
select platform.enable_tenant_rls('billing.courses');

-- What billing knows of enrollments waiting for a payment (from enrollment's events).
create table billing.enrollments (
  tenant_id      uuid not null,
  enrollment_id  uuid not null,
  user_id        uuid not null,
  course_id      uuid not null,
  price_ref      text,
  status         text not null,
  primary key (tenant_id, enrollment_id)
);
select platform.enable_tenant_rls('billing.enrollments');

-- An order: one purchase, its quote frozen when it was made (re-quoted when a coupon is applied), and where the
-- saga stands: awaiting_payment → authorizing → (requires_action →) capturing → paid; failed, cancelled,
-- refunded / partially_refunded / disputed (a chargeback) after paid.
create table billing.orders (
  tenant_id          uuid not null,
  id                 uuid not null,
  user_id            uuid not null,
  enrollment_id      uuid,
  product_kind       text not null check (product_kind in ('course', 'lesson')),
  product_id         uuid not null,
  price_id           uuid not null,
  payee_id           uuid,
  currency           text not null,
  subtotal_minor     bigint not null check (subtotal_minor >= 0),
  discount_minor     bigint not null check (discount_minor >= 0),
  net_minor          bigint not null check (net_minor >= 0),
  tax_minor          bigint not null check (tax_minor >= 0),
  total_minor        bigint not null check (total_minor >= 0),
  commission_minor   bigint not null check (commission_minor >= 0),
  payee_minor        bigint not null check (payee_minor >= 0),
  coupon_code        text,
  status             text not null check (status in ('awaiting_payment', 'authorizing', 'requires_action', 'capturing', 'paid', 'failed', 'cancelled', 'refunded', 'partially_refunded', 'disputed')),
  provider           text,
  payment_ref        text,
  attempt            int not null default 0,
  challenge          text,
  failure_code       text,
  failure_message    text,
  refunded_minor     bigint not null default 0 check (refunded_minor >= 0 and refunded_minor <= total_minor),
  paid_at            timestamptz,
  expires_at         timestamptz not null,
  version            int not null default 1,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, enrollment_id)
);
create index orders_by_user on billing.orders (tenant_id, user_id, created_at desc, id desc);
create index orders_in_flight on billing.orders (tenant_id, status, updated_at) where status in ('authorizing', 'capturing');
select platform.enable_tenant_rls('billing.orders');

-- The ledger. An entry is a balanced set of postings (debit positive, credit negative); `source_key` makes
-- each movement happen once (`charge:<order>`, `refund:<refund>`, ...). Nothing is ever updated or deleted.
create table billing.ledger_entries (
  tenant_id   uuid not null,
  id          uuid not null,
  kind        text not null check (kind in ('charge', 'refund', 'payout', 'fee', 'chargeback')),
  memo        text not null,
  order_id    uuid,
  source_key  text not null,
  created_at  timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, source_key)
);
create index ledger_entries_by_time on billing.ledger_entries (tenant_id, created_at);
select platform.enable_tenant_rls('billing.ledger_entries');

create table billing.ledger_postings (
  tenant_id     uuid not null,
  entry_id      uuid not null,
  seq           int not null,
  account       text not null,
  currency      text not null check (currency ~ '^[A-Z]{3}$'),
  amount_minor  bigint not null check (amount_minor <> 0),
  created_at    timestamptz not null default now(),
  primary key (tenant_id, entry_id, seq),
  foreign key (tenant_id, entry_id) references billing.ledger_entries (tenant_id, id)
);
create index ledger_postings_by_account on billing.ledger_postings (tenant_id, account, currency);
select platform.enable_tenant_rls('billing.ledger_postings');

create function billing.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'billing ledger is append-only: % on % refused', tg_op, tg_table_name using errcode = '42501';
end $$;
create trigger ledger_entries_append_only before update or delete on billing.ledger_entries
  for each row execute function billing.refuse_change();
create trigger ledger_postings_append_only before update or delete on billing.ledger_postings
  for each row execute function billing.refuse_change();

-- Checked at commit, once every posting of the entry is in: each entry sums to zero per currency.
create function billing.check_entry_balanced() returns trigger language plpgsql as $$
declare
  unbalanced text;
begin
  select currency into unbalanced from billing.ledger_postings
    where tenant_id = new.tenant_id and entry_id = new.entry_id
    group by currency having sum(amount_minor) <> 0 limit 1;
  if unbalanced is not null then
    raise exception 'ledger entry % does not balance in %', new.entry_id, unbalanced using errcode = '23514';
  end if;
  return null;
end $$;
create constraint trigger ledger_postings_balanced after insert on billing.ledger_postings
  deferrable initially deferred for each row execute function billing.check_entry_balanced();

-- Provider webhooks seen, by the provider's event id: a duplicate is acknowledged and changes nothing.
create table billing.webhook_events (
  tenant_id    uuid not null,
  provider     text not null,
  event_id     text not null,
  type         text not null,
  payment_ref  text not null,
  received_at  timestamptz not null default now(),
  primary key (tenant_id, provider, event_id)
);
select platform.enable_tenant_rls('billing.webhook_events');

-- Refunds of orders: asked for by the student (`requested`, within the tenant's window) or made by an admin;
-- `pending` reserves the amount while the provider returns it, so two refunds can never exceed the order.
create table billing.refunds (
  tenant_id     uuid not null,
  id            uuid not null,
  order_id      uuid not null,
  refund_key    text not null,
  amount_minor  bigint not null check (amount_minor > 0),
  reason        text not null,
  status        text not null check (status in ('requested', 'pending', 'succeeded', 'failed', 'rejected')),
  requested_by  uuid,
  decided_by    uuid,
  provider_ref  text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, refund_key)
);
create index refunds_by_order on billing.refunds (tenant_id, order_id);
create index refunds_by_status on billing.refunds (tenant_id, status, created_at);
select platform.enable_tenant_rls('billing.refunds');
