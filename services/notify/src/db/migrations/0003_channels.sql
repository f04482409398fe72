-- Deliveries on every channel: a provider's receipt can confirm one (`delivered`) or report it refused for good
-- (`bounced`, as does a permanent refusal at send time). Each tenant's settings for what it sends: the brand its
-- emails carry and its own send-rate limit (else the platform's).
alter table notify.deliveries drop constraint deliveries_status_check;
alter table notify.deliveries add constraint deliveries_status_check check (status in ('queued', 'held', 'sent', 'delivered', 'bounced', 'failed'));
-- The provider's id for a sent message, to match its receipts.
alter table notify.deliveries add column provider_ref text;
create index deliveries_provider_ref on notify.deliveries (provider_ref) where provider_ref is not null;

create table notify.tenant_settings (
  tenant_id         uuid primary key,
  sends_per_minute  int check (sends_per_minute > 0),
  brand_name        text,
  brand_color       text,
  brand_logo_url    text,
  email_footer      text,
  version           int not null default 1,
  updated_at        timestamptz not null default now()
);
select platform.enable_tenant_rls('notify.tenant_settings');
