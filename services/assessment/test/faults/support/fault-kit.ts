import { randomUUID } from 'node:crypto';
import { createMetrics, createPlatform, loadConfig, migrate, silentLogger, toCloudEvent, type HttpApp, type Subscription } from '@tessera/platform';
import {
  createScratchDatabase, createTestApp, dropScratchDatabase, removeTestKeys, removeTestStreams, uniqueToken, type TestPlatform, type TestTenant,
} from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { AnswerInput } from '../../../src/contract/attempts.js';
import { assessmentService, COURSES_CONSUMER, ENROLLMENTS_CONSUMER, EXAM_QUEUE_CONSUMER, ITEM_BANK_CONSUMER } from '../../../src/index.js';
import { eventually, sleep } from '../../../../../test/support/polling.js';
import { items } from '../../support/assessment-kit.js';

export { eventually, sleep };

/**
 * The assessment service for fault tests: its API in this process (`app.inject`), item and enrollment
 * announcements handed straight to the consumers, and — unlike the assessment kit — no outbox relay (so every
 * `assessment.submission.graded` event stays in platform.outbox to be counted) and no grading worker unless a
 * test asks for one here (`gradeHere`) or runs worker processes.
 */
export interface FaultKit {
  platform: TestPlatform;
  app: HttpApp;
  staff: TestTenant;
  courseId: string;
  member(roles: string[]): Promise<TestTenant>;
  request(who: TestTenant | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Hands an event of another service (an item published, an enrollment) to the consumer `durable`, as the bus would. */
  announce(durable: string, name: string, data: unknown): Promise<void>;
  /** Subscribes the exam queue in this process: it grades too. */
  gradeHere(): Promise<void>;
  close(): Promise<void>;
}

/** Distributed mode with every shared backend: the only mode with worker processes and servers to break. */
export const fullyDistributed = Boolean(process.env.DATABASE_URL && process.env.NATS_URL && process.env.REDIS_URL);

export async function startFaultKit(platform: TestPlatform): Promise<FaultKit> {
  const app = await createTestApp(platform, [assessmentService]);
  const registrations = assessmentService.consumers!(platform);
  const registration = (durable: string) => registrations.find((r) => r.spec.durable === durable)!;
  const subscriptions: Subscription[] = [];
  const staffToken = async (tenantId: string, roles: string[]) => {
    const subject = randomUUID();
    return { tenantId, subject, authorization: `Bearer ${await platform.tokens.issue({ subject, tenantId, roles })}` };
  };
  const tenantId = randomUUID();
  await platform.tenants.save({ id: tenantId, slug: `t-${tenantId.slice(0, 8)}`, tier: 'standard', status: 'active', databaseName: null });
  const kit: FaultKit = {
    platform, app,
    staff: await staffToken(tenantId, ['instructor']),
    courseId: randomUUID(),
    member: (roles) => staffToken(tenantId, roles),
    request(who, method, url, body, headers = {}) {
      return app.inject({
        method: method as 'GET', url,
        headers: { ...(who ? { authorization: who.authorization } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    },
    async announce(durable, name, data) {
      const event = toCloudEvent({ name, data }, { tenantId });
      await registration(durable).handler(event, { attempt: 1, subject: `tessera.${name}` });
    },
    async gradeHere() {
      const queue = registration(EXAM_QUEUE_CONSUMER);
      subscriptions.push(await platform.bus.subscribe(queue.spec, queue.handler));
    },
    async close() {
      await Promise.all(subscriptions.splice(0).map((s) => s.drain()));
      await app.close();
      await platform.cleanup();
    },
  };
  return kit;
}

/** One student with an attempt in progress, and the answers that score full marks and none. */
export interface Taker {
  student: TestTenant;
  attemptId: string;
  submissionId?: string;
  right: AnswerInput[];
  wrong: AnswerInput[];
}

/**
 * An exam of two items (a single choice and a numeric question, one point each) and `count` enrolled students
 * who started it; starts go `parallel` at a time.
 */
export async function startExamRun(kit: FaultKit, count: number, parallel = 10): Promise<{ examId: string; takers: Taker[] }> {
  await kit.announce(COURSES_CONSUMER, 'catalog.course.published', { courseId: kit.courseId, version: 1, title: 'Fault drills' });
  const itemIds: string[] = [];
  for (const content of [items.capital, items.gravity]) {
    const itemId = randomUUID();
    await kit.announce(ITEM_BANK_CONSUMER, 'catalog.item.published', {
      itemId, version: 1, type: content.type, skills: [], difficulty: null, parameters: {}, courseId: null, publishedAt: new Date().toISOString(), content,
    });
    itemIds.push(itemId);
  }
  const draft = await expectJson<{ id: string; version: number }>(await kit.request(kit.staff, 'POST', `/api/v1/courses/${kit.courseId}/exams`, {
    title: 'Fault drill', sections: itemIds.map((itemId) => ({ kind: 'fixed', itemId, points: 1 })), settings: { timeLimitMinutes: 60 },
  }), 201);
  await expectJson(await kit.request(kit.staff, 'POST', `/api/v1/exams/${draft.id}/publish`, undefined, { 'if-match': `"${draft.version}"` }), 200);
  const takers: Taker[] = [];
  await inBatches(Array.from({ length: count }, (_, i) => i), parallel, async () => {
    const student = await kit.member(['student']);
    await kit.announce(ENROLLMENTS_CONSUMER, 'enrollment.enrollment.activated', {
      enrollmentId: randomUUID(), courseId: kit.courseId, userId: student.subject, courseVersion: 1, status: 'active', priceRef: null,
    });
    const attempt = await expectJson<{ id: string; slots: Array<{ slot: string; item: { type: string } }> }>(
      await kit.request(student, 'POST', `/api/v1/exams/${draft.id}/attempts`), 201);
    const slotOf = (type: string) => attempt.slots.find((s) => s.item.type === type)!.slot;
    takers.push({
      student, attemptId: attempt.id,
      right: [{ slot: slotOf('single_choice'), seq: 1, response: { type: 'single_choice', choice: 'A' } }, { slot: slotOf('numeric'), seq: 1, response: { type: 'numeric', value: 9.81 } }],
      wrong: [{ slot: slotOf('single_choice'), seq: 1, response: { type: 'single_choice', choice: 'B' } }, { slot: slotOf('numeric'), seq: 1, response: { type: 'numeric', value: 1 } }],
    });
  });
  return { examId: draft.id, takers };
}

/** Submits the attempt with the given answers; the raw response. */
export function submit(kit: FaultKit, taker: Taker, answers = taker.right): Promise<LightMyRequestResponse> {
  return kit.request(taker.student, 'POST', `/api/v1/attempts/${taker.attemptId}/submit`, { answers });
}

/**
 * Submits until accepted, as a well-behaved client does: a 503 is retried after its Retry-After, at most
 * `tries` times. Anything else than 202 or 503 fails at once.
 */
export async function submitUntilAccepted(kit: FaultKit, taker: Taker, tries = 30): Promise<string> {
  for (let i = 1; ; i++) {
    const response = await submit(kit, taker);
    if (response.statusCode === 202) return (taker.submissionId = response.json<{ submissionId: string }>().submissionId);
    expectUnavailable(response);
    if (i >= tries) throw new Error(`submit of attempt ${taker.attemptId} still refused after ${tries} tries: ${response.body}`);
    await sleep(Number(response.headers['retry-after']) * 1000);
  }
}

/** Asserts a 503 problem+json that says when to come back. */
export function expectUnavailable(response: LightMyRequestResponse): void {
  if (response.statusCode !== 503) throw new Error(`expected 503, got ${response.statusCode}: ${response.body}`);
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) throw new Error(`503 without problem+json: ${response.body}`);
  const retryAfter = Number(response.headers['retry-after']);
  if (!Number.isInteger(retryAfter) || retryAfter < 1) throw new Error(`503 without a usable Retry-After (${String(response.headers['retry-after'])})`);
}

/** Per submission id of the tenant: rows in assessment.submissions and `assessment.submission.graded` events in the outbox. */
export async function gradingLedger(kit: FaultKit): Promise<{ rows: Map<string, number>; events: Map<string, number>; scores: Map<string, number> }> {
  return kit.platform.db.withSystem(async (tx) => {
    const submissions = await sql<{ id: string; n: number; score: number }>`
      select id, count(*)::int as n, max(score)::float8 as score from assessment.submissions where tenant_id = ${kit.staff.tenantId} group by id`.execute(tx);
    const graded = await sql<{ id: string; n: number }>`
      select event->>'subject' as id, count(*)::int as n from platform.outbox
      where tenant_id = ${kit.staff.tenantId} and event->>'type' = 'tessera.assessment.submission.graded' group by 1`.execute(tx);
    return {
      rows: new Map(submissions.rows.map((r) => [r.id, r.n])),
      scores: new Map(submissions.rows.map((r) => [r.id, Number(r.score)])),
      events: new Map(graded.rows.map((r) => [r.id, r.n])),
    };
  });
}

/**
 * Waits (bounded) until every id in `accepted` has exactly one result row and one graded event and nothing
 * else was graded; returns the ledger. Fails with what is missing or doubled.
 */
export async function allGradedOnce(kit: FaultKit, accepted: Set<string>, timeoutMs = 90_000): Promise<Awaited<ReturnType<typeof gradingLedger>>> {
  let ledger = await gradingLedger(kit);
  const problems = () => {
    const missing = [...accepted].filter((id) => !ledger.rows.has(id) || !ledger.events.has(id));
    const doubled = [...ledger.rows, ...ledger.events].filter(([, n]) => n !== 1).map(([id]) => id);
    const unexpected = [...ledger.rows.keys()].filter((id) => !accepted.has(id));
    return { missing, doubled, unexpected };
  };
  return eventually(async () => {
    ledger = await gradingLedger(kit);
    const { missing, doubled, unexpected } = problems();
    return missing.length === 0 && doubled.length === 0 && unexpected.length === 0 ? ledger : undefined;
  }, { timeoutMs, describe: () => {
    const { missing, doubled, unexpected } = problems();
    return `of ${accepted.size} accepted: ${missing.length} not graded, ${doubled.length} graded twice (${doubled.slice(0, 3).join(', ')}), `
      + `${unexpected.length} graded without a 202 (${unexpected.slice(0, 3).join(', ')})`;
  } });
}

/** Dead letters of the exam queue (grading gave up on them). */
export async function deadLetters(kit: FaultKit): Promise<number> {
  return kit.platform.db.withSystem(async (tx) =>
    (await sql<{ n: number }>`select count(*)::int as n from platform.dead_letters where durable = ${EXAM_QUEUE_CONSUMER}`.execute(tx)).rows[0]?.n ?? -1);
}

/**
 * A platform on the shared backends except those given (a test's own servers): a scratch database on the
 * shared PostgreSQL unless DATABASE_URL is given, a fresh bus namespace and cache prefix. `cleanup()` removes
 * what it created on the shared servers; the test's own servers are the test's to remove.
 */
export async function platformOn(own: { DATABASE_URL?: string; NATS_URL?: string }): Promise<TestPlatform> {
  const token = uniqueToken();
  const shared = { database: !own.DATABASE_URL, nats: !own.NATS_URL };
  const databaseUrl = own.DATABASE_URL ?? await createScratchDatabase(process.env.DATABASE_URL!);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    NATS_URL: own.NATS_URL ?? process.env.NATS_URL,
    TESSERA_DATA_DIR: 'memory://',
    BUS_NAMESPACE: `t${token}`,
    CACHE_PREFIX: `tessera_test_${token}:`,
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '5',
  });
  const platform = await createPlatform(config, { logger: silentLogger(), metrics: createMetrics({ processMetrics: false }) });
  platform.tenantDatabases.sources = assessmentService.migrations ? [assessmentService.migrations] : [];
  await migrate(platform.db, platform.tenantDatabases.sources);
  return Object.assign(platform, {
    config,
    async cleanup() {
      await platform.close();
      if (shared.database) await dropScratchDatabase(databaseUrl);
      if (shared.nats && config.NATS_URL) await removeTestStreams(config.NATS_URL, config.BUS_NAMESPACE);
      if (config.REDIS_URL) await removeTestKeys(config.REDIS_URL, config.CACHE_PREFIX);
    },
  });
}

/** Resolves `promise`, or gives up after `ms` (for cleanup that must not hang a run). */
export async function bounded(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

export async function inBatches<T>(values: readonly T[], size: number, work: (value: T, index: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < values.length; start += size) {
    await Promise.all(values.slice(start, start + size).map((value, i) => work(value, start + i)));
  }
}

async function expectJson<T = unknown>(response: LightMyRequestResponse, status: number): Promise<T> {
  if (response.statusCode !== status) throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  return response.json<T>();
}
