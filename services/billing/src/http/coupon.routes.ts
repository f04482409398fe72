import { Type } from '@sinclair/typebox';
import { principalOf, type HttpApp } from '@tessera/platform';
import { couponsOf, createCoupon, endCoupon } from '../app/coupons.js';
import type { BillingDeps } from '../app/deps.js';
import { BillingPermissions } from '../contract/permissions.js';
import { Coupon, CouponCode, CouponInput } from '../contract/schemas.js';

const tags = ['billing'];

/** Coupons: percent or fixed amount off, with an expiry and a limit of uses; tenant admins make and withdraw them. */
export async function couponRoutes(app: HttpApp, deps: BillingDeps): Promise<void> {
  const config = { permission: BillingPermissions.manage };

  app.get('/billing/coupons', {
    config,
    schema: { tags, summary: 'The tenant\'s coupons, newest first', querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }) }), response: { 200: Type.Object({ items: Type.Array(Coupon) }) } },
  }, async (request) => ({ items: await couponsOf(deps, principalOf(request).tenantId, request.query.limit) }));

  app.post('/billing/coupons', {
    config,
    schema: { tags, summary: 'Make a coupon: `percentBp` off, or `amountMinor` off in the tenant\'s currency', body: CouponInput, response: { 201: Coupon } },
  }, async (request, reply) => reply.code(201).send(await createCoupon(deps, principalOf(request).tenantId, request.body)));

  app.post('/billing/coupons/:code/deactivate', {
    config: { ...config, optionalBody: true },
    schema: { tags, summary: 'Withdraw a coupon: no new order may use it', params: Type.Object({ code: CouponCode }), response: { 200: Coupon } },
  }, async (request) => endCoupon(deps, principalOf(request).tenantId, request.params.code));
}
