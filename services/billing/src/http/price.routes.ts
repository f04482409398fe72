import { Type } from '@sinclair/typebox';
import { etagOf, hasPermission, principalOf, type HttpApp } from '@tessera/platform';
import type { FastifyRequest } from 'fastify';
import type { BillingDeps } from '../app/deps.js';
import { lessonOffersOf } from '../app/lesson-orders.js';
import { priceOf, pricerOf, pricesOf, setPrice, type Pricer } from '../app/prices.js';
import { BillingPermissions } from '../contract/permissions.js';
import { LessonOffer, Price, PriceInput } from '../contract/schemas.js';

const tags = ['billing'];
const CourseParams = Type.Object({ courseId: Type.String({ format: 'uuid' }) });
const LessonParams = Type.Object({ lessonId: Type.String({ format: 'uuid' }) });

/** Prices of courses and lessons: set by the course's publisher (instructors) or a tenant admin, read by anyone of the tenant. */
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
    const price = await setPrice(deps, principalOf(request).tenantId, pricerFor(request), { kind: 'course', id: request.params.courseId }, request.body, expectedVersionOf(request));
    return reply.header('etag', etagOf(price.version)).send(price);
  });

  app.get('/billing/lessons/:lessonId/price', {
    config: { permission: BillingPermissions.buy },
    schema: { tags, summary: 'The price of a lesson sold on its own (404 when it is not sold by itself)', params: LessonParams, response: { 200: Price } },
  }, async (request, reply) => {
    const price = await priceOf(deps, principalOf(request).tenantId, 'lesson', request.params.lessonId);
    return reply.header('etag', etagOf(price.version)).send(price);
  });

  app.put('/billing/lessons/:lessonId/price', {
    config: { permission: BillingPermissions.price },
    schema: {
      tags, summary: 'Sell a lesson of a published course on its own: set its price (If-Match checked when sent)',
      description: 'Whoever may price the course may price its lessons. A student who buys the lesson may open it without a place in the course '
        + '(catalog locks the lessons of a paid course to everyone else).',
      params: LessonParams, body: PriceInput, response: { 200: Price },
    },
  }, async (request, reply) => {
    const price = await setPrice(deps, principalOf(request).tenantId, pricerFor(request), { kind: 'lesson', id: request.params.lessonId }, request.body, expectedVersionOf(request));
    return reply.header('etag', etagOf(price.version)).send(price);
  });

  app.get('/billing/courses/:courseId/lesson-offers', {
    config: { permission: BillingPermissions.buy },
    schema: {
      tags, summary: 'The lessons of a course sold on their own, in course order, with their prices and whether you bought each',
      params: CourseParams, response: { 200: Type.Object({ items: Type.Array(LessonOffer) }) },
    },
  }, async (request) => {
    const principal = principalOf(request);
    return { items: await lessonOffersOf(deps, principal.tenantId, principal.kind === 'user' ? principal.subject : null, request.params.courseId) };
  });

  app.get('/billing/prices', {
    config: { permission: BillingPermissions.price },
    schema: { tags, summary: 'The tenant\'s prices, most recently changed first', querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }) }), response: { 200: Type.Object({ items: Type.Array(Price) }) } },
  }, async (request) => ({ items: await pricesOf(deps, principalOf(request).tenantId, request.query.limit) }));
}

function pricerFor(request: FastifyRequest): Pricer {
  return pricerOf(principalOf(request), hasPermission(request, BillingPermissions.manage));
}

/** The version an If-Match header names (`"3"`), or null when none is sent (the change is then unconditional). */
function expectedVersionOf(request: FastifyRequest): number | null {
  const ifMatch = request.headers['if-match'];
  return typeof ifMatch === 'string' && /^"\d+"$/.test(ifMatch.trim()) ? Number(ifMatch.trim().slice(1, -1)) : null;
}
