/**
 * The exam-day bench's setup, run in the API process and not measured: a tenant with an instructor; a course
 * and the 20 items announced to assessment as catalog announces them when published, and N students whose
 * active enrollments are announced as enrollment announces them (all straight to assessment's consumers, as
 * its tests do); two exams of those items created and published through the HTTP API (one for the queued
 * submit path, one for the naive baseline); and a token per student.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { assessmentService, COURSES_CONSUMER, ENROLLMENTS_CONSUMER, ITEM_BANK_CONSUMER } from '@tessera/assessment';
import { toCloudEvent, type ConsumerRegistration, type HttpApp, type Platform } from '@tessera/platform';
import { testTenant } from '@tessera/platform/testing';
import { EXAM_ITEMS } from './items.js';

export interface SetupSpec {
  students: number;
}

export interface ExamDaySetup {
  tenantId: string;
  courseId: string;
  queuedExamId: string;
  naiveExamId: string;
  /** Item id → the bench's key of the item (see items.ts). */
  itemKeys: Record<string, string>;
  /** `Bearer <token>` per student, in student order. */
  authorizations: string[];
  /** When the tokens were issued (epoch ms): they live 15 minutes. */
  tokensIssuedAt: number;
  seconds: { items: number; enrollments: number; exams: number; tokens: number };
}

/** Announcements handled this many at a time: the pool's connections, not the bus, bound them. */
const ANNOUNCE_CONCURRENCY = 8;

export const EXAM_SETTINGS = {
  // Far beyond any run: the bench measures the path, not deadlines.
  timeLimitMinutes: 240, attemptsAllowed: 1, gracePeriodSeconds: 60, passingPercent: 50,
  resultsRelease: 'immediately', feedbackRelease: 'immediately', partialCredit: 'proportional', shuffleOptions: true,
} as const;

/** The tenant the bench set up, and its students (whose tokens can be issued again when a run outlives them). */
export class ExamDayTenant {
  private constructor(private readonly platform: Platform, readonly setup: Omit<ExamDaySetup, 'authorizations' | 'tokensIssuedAt'>, private readonly userIds: string[],
    private readonly instructorId: string) {}

  static async create(platform: Platform, app: HttpApp, spec: SetupSpec, log: (line: string) => void): Promise<ExamDayTenant> {
    const instructor = await testTenant(platform, ['instructor']);
    const { tenantId, subject: instructorId } = instructor;
    const courseId = randomUUID();
    const deliver = handlersOf(platform, tenantId);
    let started = performance.now();
    await deliver(COURSES_CONSUMER, 'catalog.course.published', { courseId, version: 1, title: 'Exam day' });
    const itemKeys: Record<string, string> = {};
    const sections: Array<{ kind: 'fixed'; itemId: string; points: number }> = [];
    for (const item of EXAM_ITEMS) {
      const itemId = randomUUID();
      await deliver(ITEM_BANK_CONSUMER, 'catalog.item.published', {
        itemId, version: 1, type: item.content.type, skills: [], difficulty: null, parameters: {}, courseId: null, publishedAt: new Date().toISOString(), content: item.content,
      });
      itemKeys[itemId] = item.key;
      sections.push({ kind: 'fixed', itemId, points: item.points });
    }
    const items = seconds(started);

    started = performance.now();
    const userIds = Array.from({ length: spec.students }, () => randomUUID());
    await inBatches(userIds, ANNOUNCE_CONCURRENCY, (userId) => deliver(ENROLLMENTS_CONSUMER, 'enrollment.enrollment.activated', {
      enrollmentId: randomUUID(), courseId, userId, courseVersion: 1, status: 'active', priceRef: null,
    }));
    const enrollments = seconds(started);
    log(`setup: ${EXAM_ITEMS.length} items in ${items.toFixed(1)} s, ${spec.students} enrollments in ${enrollments.toFixed(1)} s`);

    started = performance.now();
    const queuedExamId = await publishedExam(app, instructor.authorization, courseId, 'Exam day (queued submit)', sections);
    const naiveExamId = await publishedExam(app, instructor.authorization, courseId, 'Exam day (naive baseline)', sections);
    const exams = seconds(started);
    return new ExamDayTenant(platform, { tenantId, courseId, queuedExamId, naiveExamId, itemKeys, seconds: { items, enrollments, exams, tokens: 0 } }, userIds, instructorId);
  }

  /** A fresh token per student (RS256, the platform's own keys, as identity issues them at sign-in). */
  /** `Bearer <token>` of the instructor who set the exams, issued now. */
  async instructorAuthorization(): Promise<string> {
    return `Bearer ${await this.platform.tokens.issue({ subject: this.instructorId, tenantId: this.setup.tenantId, roles: ['instructor'] })}`;
  }

  async issueTokens(log: (line: string) => void): Promise<{ authorizations: string[]; tokensIssuedAt: number; seconds: number }> {
    const tokensIssuedAt = Date.now();
    const started = performance.now();
    const authorizations: string[] = [];
    for (const subject of this.userIds) {
      authorizations.push(`Bearer ${await this.platform.tokens.issue({ subject, tenantId: this.setup.tenantId, roles: ['student'] })}`);
    }
    const took = seconds(started);
    log(`setup: ${authorizations.length} student tokens in ${took.toFixed(1)} s`);
    return { authorizations, tokensIssuedAt, seconds: took };
  }
}

/** Hands an event to one of assessment's consumers, as the bus would deliver it. */
function handlersOf(platform: Platform, tenantId: string): (durable: string, name: string, data: unknown) => Promise<void> {
  const registrations: ConsumerRegistration[] = assessmentService.consumers?.(platform) ?? [];
  return async (durable, name, data) => {
    const registration = registrations.find((r) => r.spec.durable === durable);
    if (!registration) throw new Error(`assessment has no consumer ${durable}`);
    await registration.handler(toCloudEvent({ name, data }, { tenantId }), { attempt: 1, subject: `tessera.${name}` });
  };
}

async function publishedExam(app: HttpApp, authorization: string, courseId: string, title: string, sections: unknown[]): Promise<string> {
  const draft = await injected<{ id: string; version: number }>(app, authorization, 'POST', `/api/v1/courses/${courseId}/exams`, 201,
    { title, category: 'exam', settings: EXAM_SETTINGS, sections });
  await injected(app, authorization, 'POST', `/api/v1/exams/${draft.id}/publish`, 200, undefined, { 'if-match': `"${draft.version}"` });
  return draft.id;
}

async function injected<T>(app: HttpApp, authorization: string, method: 'POST', url: string, status: number, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await app.inject({
    method, url, headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  if (response.statusCode !== status) throw new Error(`${method} ${url} answered ${response.statusCode}, not ${status}: ${response.body.slice(0, 500)}`);
  return response.json<T>();
}

async function inBatches<T>(values: readonly T[], concurrency: number, work: (value: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < values.length; index = next++) await work(values[index] as T);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}
