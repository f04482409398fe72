import { Type } from '@sinclair/typebox';
import { etagOf, hasPermission, Page, PageQuery, personOf, principalOf, versionFromIfMatch, type HttpApp } from '@tessera/platform';
import type { BillingDeps } from '../app/deps.js';
import { changePayoutSettings, payoutSettingsOf, payoutsOf, payoutStatement, runIdOf, runPayouts } from '../app/payouts.js';
import { BillingPermissions } from '../contract/permissions.js';
import { AmountMinor, Currency } from '../contract/schemas.js';
import { requireIdempotencyKey } from './require-idempotency-key.js';

const tags = ['billing'];
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });

const Payout = Type.Object({
  id: Uuid,
  payeeId: Uuid,
  currency: Currency,
  amountMinor: AmountMinor,
  status: Type.Union([Type.Literal('pending'), Type.Literal('paid'), Type.Literal('failed')], { description: 'pending: booked, the provider not yet done (retried with the same key)' }),
  providerRef: Type.Union([Type.String(), Type.Null()]),
  runId: Uuid,
  periodEnd: DateTime,
  failure: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const PayoutStatement = Type.Object({
  payout: Payout,
  orders: Type.Array(Type.Object({
    orderId: Type.Union([Uuid, Type.Null()]),
    kind: Type.String({ description: 'charge, refund or chargeback' }),
    amountMinor: Type.Integer({ description: 'the payee\'s share: positive for a sale, negative for a refund' }),
    at: DateTime,
  })),
});

const PayoutSettings = Type.Object({ minimumMinor: AmountMinor, version: Type.Integer({ minimum: 1 }) });
const PayoutSettingsInput = Type.Object({ minimumMinor: AmountMinor }, { additionalProperties: false });
const RunInput = Type.Object({
  minimumMinor: Type.Optional(Type.Integer({ minimum: 0, maximum: AmountMinor.maximum, description: 'pay balances of at least this much (default: the tenant\'s minimum)' })),
}, { additionalProperties: false });

/** Payouts: tenant admins set the minimum, run payouts and see every one; payees read their own, with the orders behind each. */
export async function payoutRoutes(app: HttpApp, deps: BillingDeps): Promise<void> {
  const manage = { permission: BillingPermissions.manage };

  app.get('/billing/payout-settings', {
    config: manage,
    schema: { tags, summary: 'The tenant\'s payout terms (the minimum payout), with their ETag', response: { 200: PayoutSettings } },
  }, async (request, reply) => {
    const settings = await payoutSettingsOf(deps, principalOf(request).tenantId);
    return reply.header('etag', etagOf(settings.version)).send(settings);
  });

  app.put('/billing/payout-settings', {
    config: manage,
    schema: {
      tags, summary: 'Change the minimum payout (If-Match: the ETag read)', description: '412 when the terms changed since you read them.',
      body: PayoutSettingsInput, response: { 200: PayoutSettings },
    },
  }, async (request, reply) => {
    const settings = await changePayoutSettings(deps, principalOf(request).tenantId, versionFromIfMatch(request), request.body.minimumMinor);
    return reply.header('etag', etagOf(settings.version)).send(settings);
  });

  app.post('/billing/payouts/run', {
    config: { ...manage, idempotent: true }, preHandler: requireIdempotencyKey,
    schema: {
      tags, summary: 'Pay every payee owed at least the minimum (Idempotency-Key required: the same key is the same run)',
      description: 'Each payee is paid once per run and currency. A payout the provider could not be reached for stays `pending` and is sent again '
        + 'by the next run; one it refused is `failed` and its amount goes back to the payee\'s balance.',
      body: RunInput, response: { 200: Type.Object({ runId: Uuid, payouts: Type.Array(Payout) }) },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const runId = runIdOf('billing.payouts.run', principal.tenantId, principal.subject, String(request.headers['idempotency-key']));
    return runPayouts(deps, principal.tenantId, { runId, now: new Date(), ...(request.body.minimumMinor === undefined ? {} : { minimumMinor: request.body.minimumMinor }) });
  });

  app.get('/admin/billing/payouts', {
    config: manage,
    schema: { tags, summary: 'Every payout of the tenant, newest first', querystring: PageQuery, response: { 200: Page(Payout) } },
  }, async (request) => payoutsOf(deps, principalOf(request).tenantId, null, request.query.limit, request.query.cursor));

  app.get('/billing/payouts', {
    config: { permission: BillingPermissions.earnings },
    schema: { tags, summary: 'Your payouts, newest first', querystring: PageQuery, response: { 200: Page(Payout) } },
  }, async (request) => payoutsOf(deps, personOf(request).tenantId, personOf(request).subject, request.query.limit, request.query.cursor));

  app.get('/billing/payouts/:payoutId', {
    config: { permission: BillingPermissions.earnings },
    schema: {
      tags, summary: 'One of your payouts and the orders that make it up (tenant admins: any payout)',
      description: 'The orders are your share of each sale and refund booked since your previous payout in that currency.',
      params: Type.Object({ payoutId: Uuid }), response: { 200: PayoutStatement },
    },
  }, async (request) => {
    const principal = principalOf(request);
    return payoutStatement(deps, principal.tenantId, request.params.payoutId, {
      userId: principal.kind === 'user' ? principal.subject : null, isAdmin: hasPermission(request, BillingPermissions.manage),
    });
  });
}
