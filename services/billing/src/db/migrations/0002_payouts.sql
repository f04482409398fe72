-- Payouts: what the tenant owes a payee (the credit balance of `payable:<user>`) leaves the processor to them.

-- The tenant's payout terms: nobody is paid less than `minimum_minor` (a payout costs the processor a fee).
create table billing.payout_settings (
  tenant_id      uuid not null primary key,
  minimum_minor  bigint not null default 5000 check (minimum_minor >= 0),
  version        int not null default 1,
  updated_at     timestamptz not null default now()
);
select platform.enable_tenant_rls('billing.payout_settings');

-- One payout of a run: booked in the ledger when it is made (`pending`), then sent to the provider (`paid`);
-- a refusal reverses the booking (`failed`). A run pays each payee once per currency, however often it is retried.
create table billing.payouts (
  tenant_id     uuid not null,
  id            uuid not null,
  payee_id      uuid not null,
  currency      text not null check (currency ~ '^[A-Z]{3}$'),
  amount_minor  bigint not null check (amount_minor > 0),
  status        text not null check (status in ('pending', 'paid', 'failed')),
  provider_ref  text,
  run_id        uuid not null,
  period_end    timestamptz not null,
  failure       text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, run_id, payee_id, currency)
);
create index payouts_by_time on billing.payouts (tenant_id, created_at desc, id desc);
create index payouts_by_payee on billing.payouts (tenant_id, payee_id, created_at desc, id desc);
create index payouts_pending on billing.payouts (tenant_id, created_at) where status = 'pending';
select platform.enable_tenant_rls('billing.payouts');
