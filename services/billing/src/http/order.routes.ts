import { Type } from '@sinclair/typebox';
import { actingUserId, hasPermission, Page, personOf, principalOf, type HttpApp } from '@tessera/platform';
import type { BillingDeps } from '../app/deps.js';
import { orderLesson } from '../app/lesson-orders.js';
import { orderOf, orderOfEnrollment, ordersOf } from '../app/orders.js';
import { confirmOrder, payOrder } from '../app/pay.js';
import { refundOrder } from '../app/refunds.js';
import { BillingPermissions } from '../contract/permissions.js';
import { AmountMinor, ConfirmInput, Order, OrderQuery, PayInput } from '../contract/schemas.js';
import { requireIdempotencyKey } from './require-idempotency-key.js';

const tags = ['billing'];
const OrderParams = Type.Object({ orderId: Type.String({ format: 'uuid' }) });
const RefundInput = Type.Object({
  amountMinor: Type.Integer({ minimum: 1, maximum: AmountMinor.maximum, description: 'what to give back, at most what is left of the order' }),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
}, { additionalProperties: false });

/** Orders: the student's checkout (pay, 3-D Secure), their history and receipts; tenant admins see and refund every order. */
export async function orderRoutes(app: HttpApp, deps: BillingDeps): Promise<void> {
  const buy = { permission: BillingPermissions.buy };
  const money = { ...buy, idempotent: true };

  app.get('/billing/orders', {
    config: buy,
    schema: { tags, summary: 'Your orders, newest first (the order history)', querystring: OrderQuery, response: { 200: Page(Order) } },
  }, async (request) => ordersOf(deps, personOf(request).tenantId, personOf(request).subject, request.query.limit, request.query.cursor));

  app.get('/admin/billing/orders', {
    config: { permission: BillingPermissions.manage },
    schema: { tags, summary: 'Every order of the tenant, newest first', querystring: OrderQuery, response: { 200: Page(Order) } },
  }, async (request) => ordersOf(deps, principalOf(request).tenantId, null, request.query.limit, request.query.cursor));

  app.get('/billing/orders/:orderId', {
    config: buy,
    schema: { tags, summary: 'One of your orders: the receipt once paid (tenant admins: any order)', params: OrderParams, response: { 200: Order } },
  }, async (request) => {
    const principal = principalOf(request);
    return orderOf(deps, principal.tenantId, { userId: principal.kind === 'user' ? principal.subject : null, isAdmin: hasPermission(request, BillingPermissions.manage) }, request.params.orderId);
  });

  app.get('/billing/enrollments/:enrollmentId/order', {
    config: buy,
    schema: {
      tags, summary: 'The order that pays for one of your enrollments',
      description: 'Opened a moment after a paid enrollment is requested: 404 until then (poll briefly).',
      params: Type.Object({ enrollmentId: Type.String({ format: 'uuid' }) }), response: { 200: Order },
    },
  }, async (request) => orderOfEnrollment(deps, personOf(request).tenantId, personOf(request).subject, request.params.enrollmentId));

  app.post('/billing/lessons/:lessonId/orders', {
    config: buy,
    schema: {
      tags, summary: 'Buy a lesson sold on its own: opens your order for it (201), or answers the one you hold (200)',
      description: 'Pay the order like a course\'s (`/billing/orders/{orderId}/pay`); once captured the lesson opens to you. '
        + '409 when you bought it already or have a place in its course; 404 when the lesson is not sold on its own.',
      params: Type.Object({ lessonId: Type.String({ format: 'uuid' }) }), response: { 200: Order, 201: Order },
    },
  }, async (request, reply) => {
    const { order, created } = await orderLesson(deps, personOf(request).tenantId, personOf(request).subject, request.params.lessonId);
    return reply.code(created ? 201 : 200).send(order);
  });

  app.post('/billing/orders/:orderId/pay', {
    config: money, preHandler: requireIdempotencyKey,
    schema: {
      tags, summary: 'Pay your order with a card (Idempotency-Key required: a retry never charges twice)',
      description: 'Answers the order as it then stands: `paid`; `requires_action` with the 3-D Secure `challenge` to answer at /confirm; '
        + '`failed` with the reason the card was refused (the enrollment is released: enroll again to retry). 503 when the provider is unreachable: nothing was charged.',
      params: OrderParams, body: PayInput, response: { 200: Order },
    },
  }, async (request) => payOrder(deps, personOf(request).tenantId, personOf(request).subject, request.params.orderId, request.body));

  app.post('/billing/orders/:orderId/confirm', {
    config: money, preHandler: requireIdempotencyKey,
    schema: { tags, summary: 'Answer the 3-D Secure challenge of your order (Idempotency-Key required)', params: OrderParams, body: ConfirmInput, response: { 200: Order } },
  }, async (request) => confirmOrder(deps, personOf(request).tenantId, personOf(request).subject, request.params.orderId, request.body.response));

  app.post('/billing/orders/:orderId/refunds', {
    config: { permission: BillingPermissions.manage, idempotent: true }, preHandler: requireIdempotencyKey,
    schema: {
      tags, summary: 'Refund part or all of a paid order (Idempotency-Key required: the same key refunds once)',
      description: '422 above what is left to refund; the ledger takes the refunded share back from tax, commission and the payee.',
      params: OrderParams, body: RefundInput, response: { 200: Order },
    },
  }, async (request) => refundOrder(deps, principalOf(request).tenantId, {
    orderId: request.params.orderId, amountMinor: request.body.amountMinor, reason: request.body.reason,
    refundKey: `${request.params.orderId}:${String(request.headers['idempotency-key'])}`, by: actingUserId(principalOf(request)),
  }));
}
