import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { toCloudEvent, type HttpApp } from '@tessera/platform';
import { createTestApp, createTestPlatform, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { billingService, COURSES_CONSUMER, createBillingService, ENROLLMENTS_CONSUMER, type ProviderFactory } from '../../src/index.js';

export interface BillingKit {
  platform: TestPlatform;
  app: HttpApp;
  admin: TestTenant;
  member(of: TestTenant, roles?: string[]): Promise<TestTenant>;
  request(who: TestTenant, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  deliver(who: TestTenant, durable: string, name: string, data: unknown): Promise<void>;
  /** A course published by `publisher`, priced at `amountMinor` by the tenant admin; returns its id and price id. */
  pricedCourse(of: TestTenant, publisher: TestTenant, amountMinor: number): Promise<{ courseId: string; priceId: string }>;
  /** A student's enrollment waiting for payment, as enrollment announces it; returns the enrollment id once billing opened its order. */
  pendingEnrollment(student: TestTenant, course: { courseId: string; priceId: string }): Promise<{ enrollmentId: string; orderId: string }>;
  events(of: TestTenant, type: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

/** A platform with the billing service (its configured provider, or the one `makeProvider` makes) and a tenant admin. */
export async function billingKit(options: { overrides?: Record<string, string>; makeProvider?: ProviderFactory } = {}): Promise<BillingKit> {
  const service = options.makeProvider ? createBillingService(options.makeProvider) : billingService;
  const platform = await createTestPlatform([service], options.overrides ?? {});
  const app = await createTestApp(platform, [service]);
  const registrations = service.consumers!(platform);
  const handlers = new Map(registrations.map((r) => [r.spec.durable, (event: ReturnType<typeof toCloudEvent>) => r.handler(event, { attempt: 1, subject: 'test' })]));
  const admin = await testTenant(platform, ['tenant_admin']);

  const kit: BillingKit = {
    platform, app, admin,
    async member(of, roles = ['student']) {
      const subject = randomUUID();
      return { ...of, subject, authorization: `Bearer ${await platform.tokens.issue({ subject, tenantId: of.tenantId, roles })}` };
    },
    request(who, method, url, body, headers = {}) {
      return app.inject({
        method: method as 'GET', url: `/api/v1${url}`,
        headers: { authorization: who.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    },
    async deliver(who, durable, name, data) {
      await handlers.get(durable)!(toCloudEvent({ name, data }, { tenantId: who.tenantId }));
    },
    async pricedCourse(of, publisher, amountMinor) {
      const courseId = randomUUID();
      await kit.deliver(of, COURSES_CONSUMER, 'catalog.course.published', { courseId, title: `Course ${courseId.slice(0, 4)}`, publishedBy: publisher.subject, version: 1 });
      const price = await kit.request(of, 'PUT', `/billing/courses/${courseId}/price`, { amountMinor, currency: 'EUR' });
      if (price.statusCode !== 200) throw new Error(`pricing failed: ${price.body}`);
      return { courseId, priceId: price.json<{ id: string }>().id };
    },
    async pendingEnrollment(student, course) {
      const enrollmentId = randomUUID();
      await kit.deliver(student, ENROLLMENTS_CONSUMER, 'enrollment.enrollment.requested', {
        enrollmentId, courseId: course.courseId, userId: student.subject, courseVersion: 1, status: 'pending_payment', priceRef: course.priceId,
      });
      const order = await kit.request(student, 'GET', `/billing/enrollments/${enrollmentId}/order`);
      if (order.statusCode !== 200) throw new Error(`no order: ${order.body}`);
      return { enrollmentId, orderId: order.json<{ id: string }>().id };
    },
    async events(of, type) {
      return platform.db.withSystem(async (tx) => (await sql<{ data: Record<string, unknown> }>`
        select event->'data' as data from platform.outbox where tenant_id = ${of.tenantId} and event->>'type' = ${`tessera.${type}`} order by seq`.execute(tx)).rows.map((row) => row.data));
    },
    async close() {
      await app.close();
      await platform.cleanup();
    },
  };
  return kit;
}

export function payHeaders(key: string = randomUUID()): Record<string, string> {
  return { 'idempotency-key': key };
}
