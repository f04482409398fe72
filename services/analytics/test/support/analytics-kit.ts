import { randomUUID } from 'node:crypto';
import { consumerSpec, toCloudEvent, type HttpApp, type Subscription } from '@tessera/platform';
import { createTestApp, createTestPlatform, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { AnalyticsEvents, analyticsService, COURSES_CONSUMER } from '../../src/index.js';

export interface AnalyticsKit {
  platform: TestPlatform;
  app: HttpApp;
  admin: TestTenant;
  member(of: TestTenant, roles?: string[]): Promise<TestTenant>;
  request(who: TestTenant, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** A course of the tenant, as catalog announces its publication. */
  course(of: TestTenant): Promise<string>;
  /** Runs the stream processor (the consumers on the bus) until `stopProcessing`. */
  startProcessing(): Promise<void>;
  stopProcessing(): Promise<void>;
  /** The `analytics.window.closed` events published so far, of every tenant (collected from the bus). */
  closedWindows: Array<{ tenantId: string; data: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** A platform with the analytics service, its HTTP API and a tenant admin. */
export async function analyticsKit(overrides: Record<string, string> = {}): Promise<AnalyticsKit> {
  const platform = await createTestPlatform([analyticsService], overrides);
  const app = await createTestApp(platform, [analyticsService]);
  const registrations = analyticsService.consumers!(platform);
  const courses = registrations.find((registration) => registration.spec.durable === COURSES_CONSUMER)!;
  const admin = await testTenant(platform, ['tenant_admin']);
  let subscriptions: Subscription[] = [];
  const kit: AnalyticsKit = {
    platform, app, admin,
    async member(of, roles = ['student']) {
      const subject = randomUUID();
      return { ...of, subject, authorization: `Bearer ${await platform.tokens.issue({ subject, tenantId: of.tenantId, roles })}` };
    },
    request(who, method, url, body) {
      return app.inject({
        method: method as 'GET', url: `/api/v1${url}`,
        headers: { authorization: who.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    },
    async course(of) {
      const courseId = randomUUID();
      const event = toCloudEvent({ name: 'catalog.course.published', subject: courseId, data: { courseId, title: `Course ${courseId.slice(0, 4)}`, version: 1 } }, { tenantId: of.tenantId });
      await courses.handler(event, { attempt: 1, subject: 'test' });
      return courseId;
    },
    async startProcessing() {
      subscriptions = await Promise.all(registrations.map(({ spec, handler }) => platform.bus.subscribe(spec, handler)));
      subscriptions.push(await platform.bus.subscribe(consumerSpec({ durable: 'test-window-closed', events: AnalyticsEvents.windowClosed }), async (event) => {
        kit.closedWindows.push({ tenantId: event.tenantid ?? '', data: event.data as Record<string, unknown> });
      }));
      platform.relay.start();
    },
    async stopProcessing() {
      await Promise.all(subscriptions.map((subscription) => subscription.drain()));
      subscriptions = [];
    },
    closedWindows: [],
    async close() {
      await kit.stopProcessing();
      await app.close();
      await platform.cleanup();
    },
  };
  return kit;
}

/** Asks `attempt` every 25 ms until it answers something other than undefined (15 s at most). */
export async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const found = await attempt();
    if (found !== undefined) return found;
    if (Date.now() > giveUpAt) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
