import { randomUUID } from 'node:crypto';
import { toCloudEvent, type CloudEvent, type HttpApp, type MessageHandler, type ProblemBody } from '@tessera/platform';
import { createTestApp, createTestPlatform, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { adaptiveService, CATALOG_CONSUMER, ENROLLMENTS_CONSUMER, EXAM_RESULTS_CONSUMER, EXAMS_CONSUMER } from '../../src/index.js';

/** A skill of a test graph: its name and the names of the skills it requires. */
export interface SkillSpec {
  name: string;
  requires?: string[];
}

/** The adaptive service over a test platform; catalog, enrollment and assessment are played by delivering their events. */
export interface AdaptiveKit {
  platform: TestPlatform;
  app: HttpApp;
  tenant(roles?: string[]): Promise<TestTenant>;
  member(tenant: TestTenant, roles?: string[]): Promise<TestTenant>;
  /** Announces a skill graph (catalog sends it whole) and returns the skill ids by name. */
  skills(tenant: TestTenant, specs: SkillSpec[]): Promise<Record<string, string>>;
  /** Publishes a course teaching `skills` (one lesson per skill, in order) and returns its id. */
  course(tenant: TestTenant, skills: string[], options?: { courseId?: string; version?: number; title?: string }): Promise<string>;
  /** Publishes a true/false item (answer true) on `skills`; returns its id. */
  item(tenant: TestTenant, skills: string[], options?: { courseId?: string | null; difficulty?: number | null; type?: 'true_false' | 'essay'; itemId?: string; version?: number; irt?: { a?: number; b?: number } }): Promise<string>;
  enroll(tenant: TestTenant, courseId: string, userId: string, status?: string, time?: string): Promise<void>;
  /** Delivers an event straight to the consumer that handles it (as a bus delivery would). */
  deliver(tenant: TestTenant, name: string, data: unknown, options?: { id?: string; time?: string }): Promise<CloudEvent>;
  request(who: TestTenant | undefined, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Answers a practice item right or wrong. */
  answer(who: TestTenant, itemId: string, correct: boolean, courseId?: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Catalog numbers each graph it announces; one rising counter serves every test tenant. */
let graphVersions = 0;

export async function startAdaptiveKit(): Promise<AdaptiveKit> {
  const platform = await createTestPlatform([adaptiveService]);
  const app = await createTestApp(platform, [adaptiveService]);
  const registrations = adaptiveService.consumers!(platform);
  const handler = (durable: string): MessageHandler => registrations.find((r) => r.spec.durable === durable)!.handler;
  const handlers = { catalog: handler(CATALOG_CONSUMER), enrollment: handler(ENROLLMENTS_CONSUMER), assessment: handler(EXAM_RESULTS_CONSUMER), exams: handler(EXAMS_CONSUMER) };

  const kit: AdaptiveKit = {
    platform,
    app,
    tenant: (roles = ['student']) => testTenant(platform, roles),
    async member(tenant, roles = ['student']) {
      const subject = randomUUID();
      const token = await platform.tokens.issue({ subject, tenantId: tenant.tenantId, roles });
      return { tenantId: tenant.tenantId, subject, authorization: `Bearer ${token}` };
    },
    async skills(tenant, specs) {
      const ids = Object.fromEntries(specs.map((spec) => [spec.name, randomUUID()]));
      await kit.deliver(tenant, 'catalog.skill_graph.changed', {
        graphVersion: ++graphVersions,
        skills: specs.map((spec) => ({ skillId: ids[spec.name], name: spec.name })),
        prerequisites: specs.flatMap((spec) => (spec.requires ?? []).map((required) => ({ skillId: ids[spec.name], requiresSkillId: ids[required] }))),
      });
      return ids;
    },
    async course(tenant, skills, { courseId = randomUUID(), version = 1, title = `Course ${courseId.slice(0, 8)}` } = {}) {
      await kit.deliver(tenant, 'catalog.course.published', {
        courseId, version, title, visibility: 'tenant', priceRef: null, language: 'en', level: 'beginner', category: null, tags: [], skills,
        modules: [{ moduleId: randomUUID(), title: 'Module 1', position: 1, lessons: skills.map((skill, index) => ({ lessonId: randomUUID(), title: `Lesson ${index + 1}`, position: index + 1, skills: [skill] })) }],
        publishedAt: new Date().toISOString(), publishedBy: null,
      });
      return courseId;
    },
    async item(tenant, skills, { courseId = null, difficulty = null, type = 'true_false', itemId = randomUUID(), version = 1, irt } = {}) {
      const content = type === 'true_false'
        ? { type, title: `Item ${itemId.slice(0, 8)}`, stem: '<p>Is this true?</p>', answer: true, hints: ['<p>Think again</p>'], feedback: { correct: '<p>Yes</p>', incorrect: '<p>No</p>' } }
        : { type, title: `Essay ${itemId.slice(0, 8)}`, stem: '<p>Discuss</p>' };
      await kit.deliver(tenant, 'catalog.item.published', {
        itemId, version, type, skills, difficulty, parameters: irt ?? {}, courseId, publishedAt: new Date().toISOString(), content,
      });
      return itemId;
    },
    async enroll(tenant, courseId, userId, status = 'active', time) {
      await kit.deliver(tenant, `enrollment.enrollment.${status === 'active' ? 'activated' : status}`, {
        enrollmentId: randomUUID(), courseId, userId, courseVersion: 1, status, priceRef: null,
      }, time ? { time } : {});
    },
    async deliver(tenant, name, data, options = {}) {
      const subject = (data as { courseId?: string; itemId?: string }).itemId ?? (data as { courseId?: string }).courseId ?? tenant.tenantId;
      const event = toCloudEvent({ name, subject, data }, { tenantId: tenant.tenantId });
      if (options.id) event.id = options.id;
      if (options.time) event.time = options.time;
      const target = name.startsWith('catalog.') ? handlers.catalog : name.startsWith('enrollment.') ? handlers.enrollment
        : name === 'assessment.exam.published' ? handlers.exams : handlers.assessment;
      await target(event, { attempt: 1, subject: `test.${name}` });
      return event;
    },
    request(who, method, url, body, headers = {}) {
      return app.inject({
        method, url: `/api/v1${url}`,
        headers: { ...(who ? { authorization: who.authorization } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    },
    answer(who, itemId, correct, courseId) {
      return kit.request(who, 'POST', '/adaptive/practice/answers', { itemId, ...(courseId ? { courseId } : {}), response: { type: 'true_false', value: correct } });
    },
    async close() {
      await app.close();
      await platform.cleanup();
    },
  };
  return kit;
}

/** Asserts a problem+json response with `status` (and `code`) and returns its body. */
export function expectProblem(response: LightMyRequestResponse, status: number, code?: string): ProblemBody & Record<string, unknown> {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json<ProblemBody & Record<string, unknown>>();
  if (code) expect(body.code, response.body).toBe(code);
  return body;
}
