import { randomUUID } from 'node:crypto';
import { consumerSpec, toCloudEvent, type CloudEvent, type HttpApp, type Subscription } from '@tessera/platform';
import { createTestApp, createTestPlatform, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { assessmentService, COURSES_CONSUMER, ENROLLMENTS_CONSUMER, EXAM_QUEUE_CONSUMER, ITEM_BANK_CONSUMER, ITEM_CALIBRATION_CONSUMER } from '../../src/index.js';

export const POLL = { timeout: 20_000, interval: 25 };

/** The assessment service over a test platform: its exam queue on the real bus, read models fed directly. */
export interface AssessmentKit {
  platform: TestPlatform;
  app: HttpApp;
  /** Every `assessment.submission.*` event the bus delivered. */
  graded: CloudEvent[];
  /** Every `assessment.exam.*` event the bus delivered. */
  examEvents: CloudEvent[];
  tenant(roles?: string[]): Promise<TestTenant>;
  member(tenant: TestTenant, roles: string[]): Promise<TestTenant>;
  /** Announces a published item version as catalog would; returns its id. */
  item(tenant: TestTenant, content: Record<string, unknown>, options?: { itemId?: string; version?: number; skills?: string[]; difficulty?: number; parameters?: { a?: number; b?: number } }): Promise<string>;
  /** Announces items' calibrated 2PL parameters as adaptive's refit would. */
  calibrated(tenant: TestTenant, items: Array<{ itemId: string; a: number; b: number }>): Promise<void>;
  /** Announces a published course as catalog would (exams and gradebooks are only for known courses). */
  course(tenant: TestTenant, courseId: string, title?: string): Promise<void>;
  /** Announces an active enrollment as enrollment would. */
  enrolled(tenant: TestTenant, courseId: string, userId: string, status?: string): Promise<void>;
  request(who: TestTenant | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  ok<T>(who: TestTenant | null, method: string, url: string, status: number, body?: unknown, headers?: Record<string, string>): Promise<T>;
  /** Creates and publishes an exam of `courseId`; returns its id. */
  exam(who: TestTenant, courseId: string, body: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export async function startAssessmentKit(): Promise<AssessmentKit> {
  const platform = await createTestPlatform([assessmentService]);
  const app = await createTestApp(platform, [assessmentService]);
  const registrations = assessmentService.consumers!(platform);
  const handler = (durable: string) => registrations.find((r) => r.spec.durable === durable)!.handler;
  const queue = registrations.find((r) => r.spec.durable === EXAM_QUEUE_CONSUMER)!;
  const subscriptions: Subscription[] = [await platform.bus.subscribe(queue.spec, queue.handler)];
  const graded: CloudEvent[] = [];
  subscriptions.push(await platform.bus.subscribe(consumerSpec({ durable: `assessment-test-${randomUUID().slice(0, 8)}`, events: 'assessment.submission.*' }), async (event) => {
    graded.push(event);
  }));
  const examEvents: CloudEvent[] = [];
  subscriptions.push(await platform.bus.subscribe(consumerSpec({ durable: `assessment-test-exams-${randomUUID().slice(0, 8)}`, events: 'assessment.exam.*' }), async (event) => {
    examEvents.push(event);
  }));
  platform.relay.start();
  const deliver = async (tenant: TestTenant, durable: string, name: string, data: unknown) => {
    const event = toCloudEvent({ name, data }, { tenantId: tenant.tenantId });
    await handler(durable)(event, { attempt: 1, subject: `tessera.${name}` });
  };
  const kit: AssessmentKit = {
    platform, app, graded, examEvents,
    tenant: (roles = ['instructor']) => testTenant(platform, roles),
    async member(tenant, roles) {
      const subject = randomUUID();
      const token = await platform.tokens.issue({ subject, tenantId: tenant.tenantId, roles });
      return { ...tenant, subject, authorization: `Bearer ${token}` };
    },
    async item(tenant, content, options = {}) {
      const itemId = options.itemId ?? randomUUID();
      await deliver(tenant, ITEM_BANK_CONSUMER, 'catalog.item.published', {
        itemId, version: options.version ?? 1, type: content.type, skills: options.skills ?? [], difficulty: options.difficulty ?? null,
        parameters: options.parameters ?? {}, courseId: null, publishedAt: new Date().toISOString(), content,
      });
      return itemId;
    },
    async calibrated(tenant, calibrated) {
      await deliver(tenant, ITEM_CALIBRATION_CONSUMER, 'adaptive.items.calibrated', { items: calibrated.map((item) => ({ ...item, responses: 100 })), calibratedAt: new Date().toISOString() });
    },
    async course(tenant, courseId, title = 'A course') {
      await deliver(tenant, COURSES_CONSUMER, 'catalog.course.published', { courseId, version: 1, title });
    },
    async enrolled(tenant, courseId, userId, status = 'active') {
      await deliver(tenant, ENROLLMENTS_CONSUMER, `enrollment.enrollment.${status === 'active' ? 'activated' : status}`, {
        enrollmentId: randomUUID(), courseId, userId, courseVersion: 1, status, priceRef: null,
      });
    },
    request(who, method, url, body, headers = {}) {
      return app.inject({
        method: method as 'GET', url,
        headers: { ...(who ? { authorization: who.authorization } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    },
    async ok<T>(who: TestTenant | null, method: string, url: string, status: number, body?: unknown, headers?: Record<string, string>) {
      const response = await kit.request(who, method, url, body, headers);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
      return (response.body ? response.json() : undefined) as T;
    },
    async exam(who, courseId, body) {
      await kit.course(who, courseId);
      const draft = await kit.ok<{ id: string; version: number }>(who, 'POST', `/api/v1/courses/${courseId}/exams`, 201, { title: 'Midterm', ...body });
      await kit.ok(who, 'POST', `/api/v1/exams/${draft.id}/publish`, 200, undefined, { 'if-match': `"${draft.version}"` });
      return draft.id;
    },
    async close() {
      await Promise.all(subscriptions.map((s) => s.drain()));
      await app?.close();
      await platform?.cleanup();
    },
  };
  return kit;
}

/** Item contents in the catalog's format. */
export const items = {
  capital: { type: 'single_choice', title: 'Capital', stem: '<p>Capital of France?</p>', options: [{ id: 'A', text: 'Paris', correct: true, feedback: 'Yes' }, { id: 'B', text: 'Lyon', correct: false }, { id: 'C', text: 'Nice', correct: false }], feedback: { correct: 'Well done' } },
  gravity: { type: 'numeric', title: 'Gravity', stem: '<p>g in m/s²?</p>', value: 9.81, tolerance: { mode: 'absolute', amount: 0.05 }, unit: 'm/s²' },
  primes: { type: 'multiple_choice', title: 'Primes', stem: '<p>Primes?</p>', options: [{ id: 'P2', text: '2', correct: true }, { id: 'P3', text: '3', correct: true }, { id: 'P4', text: '4', correct: false }] },
  essay: { type: 'essay', title: 'Essay', stem: '<p>Discuss.</p>', rubric: [{ criterion: 'Argument', points: 5 }] },
};
