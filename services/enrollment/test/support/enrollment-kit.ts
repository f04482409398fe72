import { randomUUID } from 'node:crypto';
import { consumerSpec, toCloudEvent, type CloudEvent, type HttpApp, type ProblemBody, type Subscription } from '@tessera/platform';
import { createTestApp, createTestPlatform, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { CoursePublishedSeen } from '../../src/contract/events.js';
import { COURSE_CATALOG_CONSUMER, enrollmentService, USER_DIRECTORY_CONSUMER } from '../../src/index.js';

export const POLL = { timeout: 15_000, interval: 25 };

/** A published course version as catalog would announce it, with the ids a test needs. */
export interface CourseFixture {
  courseId: string;
  version: number;
  priceRef: string | null;
  modules: Array<{ moduleId: string; lessonIds: string[] }>;
  payload: CoursePublishedSeen & Record<string, unknown>;
  lessonIds: string[];
}

/** The enrollment service over a test platform, with its consumer running, and helpers speaking HTTP. */
export interface EnrollmentKit {
  platform: TestPlatform;
  app: HttpApp;
  /** Every `enrollment.*` event the bus delivered. */
  observed: CloudEvent[];
  tenant(roles?: string[]): Promise<TestTenant>;
  /** A signed-in member of the tenant, announced by identity (`identity.user.registered`) unless `announce` is false. */
  member(tenant: TestTenant, roles?: string[], options?: { announce?: boolean }): Promise<TestTenant>;
  /** Announces a user as identity would (registered, deactivated, ...); returns the user id. */
  user(tenant: TestTenant, options?: { userId?: string; email?: string; event?: 'invited' | 'registered' | 'deactivated' | 'reactivated'; time?: string }): Promise<string>;
  /** Builds a `catalog.course.published` payload: `lessonsPerModule` [2, 1] = two modules of 2 and 1 lessons. */
  course(options?: { courseId?: string; version?: number; priceRef?: string | null; lessonsPerModule?: number[] }): CourseFixture;
  /** Hands the event straight to the consumer's handler (as a delivery would); returns the envelope. */
  deliver(tenant: TestTenant, name: string, data: unknown, time?: string): Promise<CloudEvent>;
  /** Publishes through the outbox, relay and bus, and waits until the read model has the version. */
  publishViaBus(tenant: TestTenant, course: CourseFixture): Promise<void>;
  /** Delivers a course straight to the consumer and returns it. */
  published(tenant: TestTenant, options?: Parameters<EnrollmentKit['course']>[0]): Promise<CourseFixture>;
  request(who: TestTenant | undefined, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Enrolls `who` (or, with `userId`, another user) and returns the response. */
  enroll(who: TestTenant, courseId: string, userId?: string): Promise<LightMyRequestResponse>;
  /** Sets a course's enrollment settings, reading the current ETag first. */
  settings(who: TestTenant, courseId: string, body: Record<string, unknown>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startEnrollmentKit(): Promise<EnrollmentKit> {
  const platform = await createTestPlatform([enrollmentService]);
  const app = await createTestApp(platform, [enrollmentService]);
  const registrations = enrollmentService.consumers!(platform);
  const subscriptions: Subscription[] = await Promise.all(registrations.map(({ spec, handler }) => platform.bus.subscribe(spec, handler)));
  const observed: CloudEvent[] = [];
  subscriptions.push(await platform.bus.subscribe(consumerSpec({ durable: 'enrollment-test-observer', events: 'enrollment.>' }), async (event) => {
    observed.push(event);
  }));
  platform.relay.start();
  const handlers = {
    catalog: registrations.find((r) => r.spec.durable === COURSE_CATALOG_CONSUMER)!.handler,
    identity: registrations.find((r) => r.spec.durable === USER_DIRECTORY_CONSUMER)!.handler,
  };

  const kit: EnrollmentKit = {
    platform,
    app,
    observed,
    tenant: (roles = ['student']) => testTenant(platform, roles),
    async member(tenant, roles = ['student'], { announce = true } = {}) {
      const subject = randomUUID();
      if (announce) await kit.user(tenant, { userId: subject });
      const token = await platform.tokens.issue({ subject, tenantId: tenant.tenantId, roles });
      return { tenantId: tenant.tenantId, subject, authorization: `Bearer ${token}` };
    },
    async user(tenant, { userId = randomUUID(), email = `${userId.slice(0, 8)}@example.test`, event = 'registered', time } = {}) {
      const data = { userId, email, name: `User ${userId.slice(0, 8)}`, roles: ['student'], locale: 'en', timeZone: 'UTC' };
      await kit.deliver(tenant, `identity.user.${event}`, data, time);
      return userId;
    },
    course({ courseId = randomUUID(), version = 1, priceRef = null, lessonsPerModule = [2, 1] } = {}) {
      const modules = lessonsPerModule.map((count) => ({ moduleId: randomUUID(), lessonIds: Array.from({ length: count }, () => randomUUID()) }));
      const payload = {
        courseId, version, title: `Course ${courseId.slice(0, 8)} v${version}`, visibility: 'tenant', priceRef, language: 'en', level: 'beginner',
        category: null, tags: [], skills: [],
        modules: modules.map((module, m) => ({
          moduleId: module.moduleId, title: `Module ${m + 1}`, position: m + 1,
          lessons: module.lessonIds.map((lessonId, l) => ({ lessonId, title: `Lesson ${m + 1}.${l + 1}`, position: l + 1, skills: [] })),
        })),
        publishedAt: new Date().toISOString(), publishedBy: randomUUID(),
      };
      return { courseId, version, priceRef, modules, payload, lessonIds: modules.flatMap((module) => module.lessonIds) };
    },
    async deliver(tenant, name, data, time) {
      const subject = (data as { courseId?: string; userId?: string }).courseId ?? (data as { userId?: string }).userId;
      const event = toCloudEvent({ name, subject, data }, { tenantId: tenant.tenantId });
      if (time) event.time = time;
      await handlers[name.startsWith('identity.') ? 'identity' : 'catalog'](event, { attempt: 1, subject: `test.${name}` });
      return event;
    },
    async publishViaBus(tenant, course) {
      await platform.db.withTenant(tenant.tenantId, (tx) =>
        platform.outbox.emit(tx, tenant.tenantId, [{ name: 'catalog.course.published', subject: course.courseId, data: course.payload }]));
      await expect.poll(() => latestVersion(platform, tenant, course.courseId), POLL).toBeGreaterThanOrEqual(course.version);
    },
    async published(tenant, options) {
      const course = kit.course(options);
      await kit.deliver(tenant, 'catalog.course.published', course.payload);
      return course;
    },
    request(who, method, url, body, headers = {}) {
      const typed = body === undefined ? {} : typeof body === 'string' ? { 'content-type': 'text/csv' } : { 'content-type': 'application/json' };
      return app.inject({
        method, url: `/api/v1${url}`,
        headers: { ...(who ? { authorization: who.authorization } : {}), ...typed, ...headers },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
    },
    enroll: (who, courseId, userId) => kit.request(who, 'POST', `/courses/${courseId}/enroll`, userId ? { userId } : {}),
    async settings(who, courseId, body) {
      const current = await kit.request(who, 'GET', `/courses/${courseId}/enrollment-settings`);
      expect(current.statusCode, current.body).toBe(200);
      const defaults = { capacity: null, opensAt: null, closesAt: null, waitlistEnabled: false };
      return kit.request(who, 'PUT', `/courses/${courseId}/enrollment-settings`, { ...defaults, ...body }, { 'if-match': String(current.headers.etag) });
    },
    async close() {
      await Promise.all(subscriptions.map((subscription) => subscription.drain()));
      await app.close();
      await platform.cleanup();
    },
  };
  return kit;
}

/** The latest version the read model has of a course (0 when none). */
export async function latestVersion(platform: TestPlatform, tenant: TestTenant, courseId: string): Promise<number> {
  return platform.db.withTenant(tenant.tenantId, async (tx) =>
    (await sql<{ v: number }>`select latest_version as v from enrollment.courses where course_id = ${courseId}`.execute(tx)).rows[0]?.v ?? 0);
}

/** Asserts a problem+json response with `status` and returns its body. */
export function expectProblem(response: LightMyRequestResponse, status: number, code?: string): ProblemBody & Record<string, unknown> {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json<ProblemBody & Record<string, unknown>>();
  if (code) expect(body.code, response.body).toBe(code);
  return body;
}
