-- SMS. Each user's mobile number (E.164), verified by a code sent to it before any notification goes there.
-- The code is kept only as a keyed hash, void after 10 minutes or 5 wrong tries; `codes_sent_at` holds when
-- the last codes went out (the past hour's), so a user cannot have more than 5 sent an hour.
create table notify.phone_numbers (
  tenant_id        uuid not null,
  user_id          uuid not null,
  phone            text not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  verified_at      timestamptz,
  code_hash        text,
  code_expires_at  timestamptz,
  code_attempts    int not null default 0,
  codes_sent_at    timestamptz[] not null default '{}',
  updated_at       timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
select platform.enable_tenant_rls('notify.phone_numbers');
