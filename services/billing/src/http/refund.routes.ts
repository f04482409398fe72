import { Type } from '@sinclair/typebox';
import { actingUserId, hasPermission, personOf, principalOf, type HttpApp } from '@tessera/platform';
import type { BillingDeps } from '../app/deps.js';
import { approveRefund, refundQueue, refundsOf, rejectRefund, requestRefund } from '../app/refund-requests.js';
import { BillingPermissions } from '../contract/permissions.js';
import { Refund, RefundRequestInput, RefundStatus } from '../contract/schemas.js';
import { requireIdempotencyKey } from './require-idempotency-key.js';

const tags = ['billing'];
const OrderParams = Type.Object({ orderId: Type.String({ format: 'uuid' }) });
const RefundParams = Type.Object({ refundId: Type.String({ format: 'uuid' }) });

/** Refund requests: students ask within the tenant's window; tenant admins approve (the money goes back) or reject. */
export async function refundRoutes(app: HttpApp, deps: BillingDeps): Promise<void> {
  const manage = { permission: BillingPermissions.manage };

  app.post('/billing/orders/:orderId/refund-requests', {
    config: { permission: BillingPermissions.buy, idempotent: true },
    schema: {
      tags, summary: 'Ask for a refund of your paid order (the whole of what is left), within the tenant\'s refund window',
      description: '422 after the window; 409 when a request is already waiting. A tenant admin decides.',
      params: OrderParams, body: RefundRequestInput, response: { 201: Refund },
    },
  }, async (request, reply) => reply.code(201).send(await requestRefund(deps, personOf(request).tenantId, personOf(request).subject, request.params.orderId, request.body.reason)));

  app.get('/billing/orders/:orderId/refunds', {
    config: { permission: BillingPermissions.buy },
    schema: { tags, summary: 'The refunds of your order, asked for or made (tenant admins: any order)', params: OrderParams, response: { 200: Type.Object({ items: Type.Array(Refund) }) } },
  }, async (request) => {
    const principal = principalOf(request);
    return { items: await refundsOf(deps, principal.tenantId, { userId: actingUserId(principal), isAdmin: hasPermission(request, BillingPermissions.manage) }, request.params.orderId) };
  });

  app.get('/admin/billing/refunds', {
    config: manage,
    schema: {
      tags, summary: 'Refunds by status, oldest first (default: the requests waiting for a decision)',
      querystring: Type.Object({ status: Type.Optional(RefundStatus), limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }) }),
      response: { 200: Type.Object({ items: Type.Array(Refund) }) },
    },
  }, async (request) => ({ items: await refundQueue(deps, principalOf(request).tenantId, request.query.status ?? 'requested', request.query.limit) }));

  app.post('/billing/refunds/:refundId/approve', {
    config: { ...manage, idempotent: true, optionalBody: true }, preHandler: requireIdempotencyKey,
    schema: { tags, summary: 'Grant a refund request: the money goes back to the card (Idempotency-Key required)', params: RefundParams, response: { 200: Refund } },
  }, async (request) => approveRefund(deps, principalOf(request).tenantId, actingUserId(principalOf(request)), request.params.refundId));

  app.post('/billing/refunds/:refundId/reject', {
    config: { ...manage, optionalBody: true },
    schema: { tags, summary: 'Turn a refund request down', params: RefundParams, response: { 200: Refund } },
  }, async (request) => rejectRefund(deps, principalOf(request).tenantId, actingUserId(principalOf(request)), request.params.refundId));
}
