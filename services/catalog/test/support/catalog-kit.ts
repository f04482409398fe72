import { randomUUID } from 'node:crypto';
import type { HttpApp, ProblemBody } from '@tessera/platform';
import { createTestApp, createTestPlatform, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Block, Course, Lesson, Module, PublishedCourse, Skill } from '../../src/contract/index.js';
import { catalogService } from '../../src/index.js';

/** A user of a tenant: a bearer header for HTTP tests. */
export type Who = TestTenant;

/** The catalog over a test platform, with helpers that author content over HTTP. */
export interface CatalogKit {
  platform: TestPlatform;
  app: HttpApp;
  /** A fresh tenant with an instructor (the returned user). */
  tenant(roles?: string[]): Promise<Who>;
  /** Another user of `who`'s tenant. */
  user(who: Who, roles: string[]): Promise<Who>;
  request(who: Who | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Sends a request and expects `status`, returning the JSON body. */
  ok<T>(who: Who | null, method: string, url: string, status: number, body?: unknown, headers?: Record<string, string>): Promise<T>;
  course(who: Who, body?: Record<string, unknown>): Promise<Course>;
  module(who: Who, courseId: string, title?: string): Promise<Module>;
  lesson(who: Who, moduleId: string, body?: Record<string, unknown>): Promise<Lesson>;
  block(who: Who, lessonId: string, body?: Record<string, unknown>): Promise<Block>;
  skill(who: Who, name: string): Promise<Skill>;
  /** Uploads a small PDF as `who` (an instructor): media a video or file block may show. */
  media(who: Who): Promise<{ id: string }>;
  /** The course's current version (its ETag), read as `who` (an author). */
  courseVersion(who: Who, courseId: string): Promise<number>;
  /** A reviewer (tenant admin: catalog.content.review) of `who`'s tenant, the same one each time. */
  reviewer(who: Who): Promise<Who>;
  /** Publishes `who`'s course directly, as the reviewer of `who`'s tenant (authors submit, reviewers publish). */
  publish(who: Who, courseId: string): Promise<PublishedCourse>;
  /** A course with one module, `lessons` lessons of one rich-text block each, published. */
  publishedCourse(who: Who, options?: { title?: string; lessons?: number; body?: Record<string, unknown> }): Promise<PublishedCourse>;
  close(): Promise<void>;
}

// The smallest file the media service takes as a PDF (it recognises types by their content).
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Asserts a problem+json answer and returns it. */
export function expectProblem(response: LightMyRequestResponse, status: number, code?: string): ProblemBody & Record<string, unknown> {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json<ProblemBody & Record<string, unknown>>();
  if (code) expect(body.code, response.body).toBe(code);
  return body;
}

export async function startCatalogKit(): Promise<CatalogKit> {
  const platform = await createTestPlatform([catalogService]);
  const app = await createTestApp(platform, [catalogService]);
  const reviewers = new Map<string, Promise<Who>>();
  const kit: CatalogKit = {
    platform,
    app,
    tenant: (roles = ['instructor']) => testTenant(platform, roles),
    async user(who, roles) {
      const subject = randomUUID();
      const token = await platform.tokens.issue({ subject, tenantId: who.tenantId, roles });
      return { tenantId: who.tenantId, subject, authorization: `Bearer ${token}` };
    },
    request(who, method, url, body, headers = {}) {
      return app.inject({
        method: method as 'GET',
        url,
        headers: { ...(who ? { authorization: who.authorization } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    },
    async ok<T>(who: Who | null, method: string, url: string, status: number, body?: unknown, headers?: Record<string, string>) {
      const response = await kit.request(who, method, url, body, headers);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
      return (response.body ? response.json() : undefined) as T;
    },
    course: (who, body = {}) => kit.ok<Course>(who, 'POST', '/api/v1/courses', 201, { title: `Course ${randomUUID().slice(0, 6)}`, ...body }),
    module: (who, courseId, title = 'Module') => kit.ok<Module>(who, 'POST', `/api/v1/courses/${courseId}/modules`, 201, { title }),
    lesson: (who, moduleId, body = {}) => kit.ok<Lesson>(who, 'POST', `/api/v1/modules/${moduleId}/lessons`, 201, { title: 'Lesson', ...body }),
    block: (who, lessonId, body = { kind: 'rich_text', markdown: 'Some *text*.' }) => kit.ok<Block>(who, 'POST', `/api/v1/lessons/${lessonId}/blocks`, 201, body),
    skill: (who, name) => kit.ok<Skill>(who, 'POST', '/api/v1/skills', 201, { name }),
    async media(who) {
      const response = await app.inject({
        method: 'POST', url: '/api/v1/media?filename=handout.pdf', payload: PDF,
        headers: { authorization: who.authorization, 'content-type': 'application/pdf' },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>();
    },
    async courseVersion(who, courseId) {
      return (await kit.ok<Course>(who, 'GET', `/api/v1/courses/${courseId}?view=draft`, 200)).version;
    },
    reviewer(who) {
      const known = reviewers.get(who.tenantId) ?? kit.user(who, ['tenant_admin']);
      reviewers.set(who.tenantId, known);
      return known;
    },
    async publish(who, courseId) {
      const version = await kit.courseVersion(who, courseId);
      return kit.ok<PublishedCourse>(await kit.reviewer(who), 'POST', `/api/v1/courses/${courseId}/publish`, 200, undefined, { 'if-match': `"${version}"` });
    },
    async publishedCourse(who, options = {}) {
      const course = await kit.course(who, { title: options.title ?? `Course ${randomUUID().slice(0, 6)}`, ...options.body });
      const module = await kit.module(who, course.id);
      for (let i = 0; i < (options.lessons ?? 2); i++) {
        const lesson = await kit.lesson(who, module.id, { title: `Lesson ${i + 1}` });
        await kit.block(who, lesson.id, { kind: 'rich_text', markdown: `Text of lesson ${i + 1}.` });
      }
      return kit.publish(who, course.id);
    },
    async close() {
      await app?.close();
      await platform?.cleanup();
    },
  };
  return kit;
}
