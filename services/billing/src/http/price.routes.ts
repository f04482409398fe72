import { Type } from '@sinclair/typebox';
import { etagOf, hasPermission, principalOf, type HttpApp } from '@tessera/platform';
import type { BillingDeps } from '../app/deps.js';
import { priceOf, pricerOf, pricesOf, setCoursePrice } from '../app/prices.js';
import { BillingPermissions } from '../contract/permissions.js';
import { Price, PriceInput } from '../contract/schemas.js';

const tags = ['billing'];
const CourseParams = Type.Object({ courseId: Type.String({ format: 'uuid' }) });

/** Prices of courses: set by their publisher (instructors) or a tenant admin, read by anyone of the tenant. */
export async function priceRoutes(app: HttpApp, deps: BillingDeps): Promise<void> {
  app.get('/billing/courses/:courseId/price', {
    config: { permission: BillingPermissions.buy },
    schema: { tags, summary: 'The price of a course (404 when it has none: the course is free)', params: CourseParams, response: { 200: Price } },
  }, async (request, reply) => {
    const price = await priceOf(deps, principalOf(request).tenantId, 'course', request.params.courseId);
    return reply.header('etag', etagOf(price.version)).send(price);
  });

  app.put('/billing/courses/:courseId/price', {
    config: { permission: BillingPermissions.price },
    schema: {
      tags, summary: 'Set the price of a published course in the tenant\'s currency (If-Match checked when sent)',
      description: 'Instructors price the courses they published and are their payee; tenant admins price any course and may give the share to the tenant (`payeeId: null`). '
        + 'Name the returned price id as the course\'s `priceRef` in catalog for enrollments to require payment.',
      params: CourseParams, body: PriceInput, response: { 200: Price },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const ifMatch = request.headers['if-match'];
    const expected = typeof ifMatch === 'string' && /^"\d+"$/.test(ifMatch.trim()) ? Number(ifMatch.trim().slice(1, -1)) : null;
    const price = await setCoursePrice(deps, principal.tenantId, pricerOf(principal, hasPermission(request, BillingPermissions.manage)), request.params.courseId, request.body, expected);
    return reply.header('etag', etagOf(price.version)).send(price);
  });

  app.get('/billing/prices', {
    config: { permission: BillingPermissions.price },
    schema: { tags, summary: 'The tenant\'s prices, most recently changed first', querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }) }), response: { 200: Type.Object({ items: Type.Array(Price) }) } },
  }, async (request) => ({ items: await pricesOf(deps, principalOf(request).tenantId, request.query.limit) }));
}
