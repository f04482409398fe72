/**
 * The API process of the exam-day bench: assessment's routes plus the bench's naive baseline route, on
 * isolated backends, listening on loopback, with the relay role (the outbox relay, the deadline job).
 * Embedded, it is the whole system in one process (api, worker and relay roles, as `npm start`): it also runs
 * assessment's consumers, the grading workers among them. Distributed, grading runs in separate worker
 * processes (worker-child.ts) that share its backends, whose names it hands the parent. It sets up the exam
 * and answers the parent's questions about results, reading assessment's tables as the system.
 */
import { assessmentService, EXAM_QUEUE_CONSUMER } from '@tessera/assessment';
import { buildHttpApp, startJobs, type RunningJobs, type Subscription } from '@tessera/platform';
import { sql } from 'kysely';
import { runChild, tellParent } from '../kernel/child-runtime.js';
import { openBenchPlatform, type BenchPlatform } from '../kernel/platform.js';
import { countGradedEvents } from './graded-events.js';
import { naiveModule } from './naive-module.js';
import { answerCalls } from './rpc.js';
import { ExamDayTenant, type ExamDaySetup, type SetupSpec } from './setup.js';

export interface ApiChildSpec {
  /** Run the consumers (grading) here too: the embedded all-in-one process. */
  grading: boolean;
}

export interface ProgressQuery {
  tenantId: string;
  examId: string;
  /** Also ask the bus for the exam queue's lag (on the local bus a scan of its messages: only when needed). */
  lag: boolean;
}

export interface Progress {
  /** Attempts of the exam started so far. */
  attempts: number;
  results: number;
  /** Epoch ms of the newest result's grading time; null before the first. */
  lastGradedAt: number | null;
  /** Submits and autosaves the exam queue has not acknowledged yet, over every exam (0 when not asked). */
  queueLag: number;
}

export interface Verdict {
  results: number;
  /** Accepted submissions without a result. */
  lost: number;
  /** Results of submissions the load generator saw no 2xx for (a timeout after the queue took it). */
  unexpected: number;
  /** Submissions graded more than once: several graded events, or a grading round above 1 (no regrade runs here). */
  duplicated: number;
  /** Submissions of the exam whose graded event the bench's consumer received. */
  gradedEvents: number;
  /** Exam-queue deliveries given up on after their retries. */
  deadLettered: number;
  /** Mean score of the results in percent of the maximum: a check that the answer sheets grade as meant. */
  meanScorePercent: number | null;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as ApiChildSpec;
const log = (line: string) => console.log(`  · ${line}`);

runChild(async () => {
  const bench = await openBenchPlatform([assessmentService]);
  const subscriptions: Subscription[] = [];
  let jobs: RunningJobs | undefined;
  try {
    const { platform } = bench;
    const app = await buildHttpApp(platform, [assessmentService, naiveModule]);
    if (spec.grading) {
      for (const { spec: consumer, handler } of assessmentService.consumers?.(platform) ?? []) subscriptions.push(await platform.bus.subscribe(consumer, handler));
    }
    // The relay role: the outbox relay and the service's periodic jobs (the deadline job).
    platform.relay.start();
    jobs = startJobs(assessmentService.jobs?.(platform) ?? [], platform.logger);
    let tenant: ExamDayTenant | undefined;
    const current = (): ExamDayTenant => {
      if (!tenant) throw new Error('call "setup" first');
      return tenant;
    };
    answerCalls({
      setup: async (setupSpec: SetupSpec): Promise<ExamDaySetup> => {
        tenant = await ExamDayTenant.create(platform, app, setupSpec, log);
        const tokens = await tenant.issueTokens(log);
        return { ...tenant.setup, seconds: { ...tenant.setup.seconds, tokens: tokens.seconds }, authorizations: tokens.authorizations, tokensIssuedAt: tokens.tokensIssuedAt };
      },
      tokens: async () => current().issueTokens(log),
      instructor: async () => current().instructorAuthorization(),
      progress: async (query: ProgressQuery) => progressOf(bench, query),
      verify: async ({ examId, acceptedIds }: { examId: string; acceptedIds: string[] }) => verdictOf(bench, examId, acceptedIds),
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    await tellParent({ type: 'ready', url, authorization: null, backends: bench.backends, extra: sharedBackends(bench) });
    return async () => {
      await app.close();
      for (const subscription of subscriptions) await subscription.drain();
      await jobs?.stop();
      await bench.close();
    };
  } catch (error) {
    for (const subscription of subscriptions) await subscription.drain().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await bench.close();
    throw error;
  }
});

/** What worker processes need to share this process's scratch database, bus namespace and cache prefix. */
function sharedBackends({ platform }: BenchPlatform): Record<string, string> {
  const { config } = platform;
  const shared: Record<string, string> = { BUS_NAMESPACE: config.BUS_NAMESPACE, CACHE_PREFIX: config.CACHE_PREFIX };
  if (config.DATABASE_URL) shared.DATABASE_URL = config.DATABASE_URL;
  if (config.NATS_URL) shared.NATS_URL = config.NATS_URL;
  if (config.REDIS_URL) shared.REDIS_URL = config.REDIS_URL;
  return shared;
}

async function progressOf({ platform }: BenchPlatform, query: ProgressQuery): Promise<Progress> {
  const { rows } = await platform.db.withSystem((tx) => sql<{ results: number; last_ms: number | null }>`
    select count(*)::int as results, (extract(epoch from max(graded_at)) * 1000)::float8 as last_ms
    from assessment.submissions where tenant_id = ${query.tenantId} and exam_id = ${query.examId}`.execute(tx));
  const attempts = await platform.db.withSystem((tx) => sql<{ n: number }>`
    select count(*)::int as n from assessment.attempts where tenant_id = ${query.tenantId} and exam_id = ${query.examId}`.execute(tx));
  const queueLag = query.lag ? await platform.bus.pending(EXAM_QUEUE_CONSUMER, 'assessment.attempt.*') : 0;
  const row = rows[0];
  return { attempts: attempts.rows[0]?.n ?? 0, results: row?.results ?? 0, lastGradedAt: row?.last_ms === null || row?.last_ms === undefined ? null : Number(row.last_ms), queueLag };
}

/** Bounds on reading the graded events back: they are all on the bus by now, bar the relay's last batch. */
const EVENT_BOUNDS = { quietMs: 15_000, timeoutMs: 600_000 };

async function verdictOf({ platform }: BenchPlatform, examId: string, acceptedIds: readonly string[]): Promise<Verdict> {
  const { rows } = await platform.db.withSystem((tx) => sql<{ id: string; grading_round: number; percent: number }>`
    select id, grading_round, (score / nullif(max_score, 0) * 100)::float8 as percent from assessment.submissions where exam_id = ${examId}`.execute(tx));
  const dead = await platform.db.withSystem((tx) => sql<{ n: number }>`
    select count(*)::int as n from platform.dead_letters where durable = ${EXAM_QUEUE_CONSUMER}`.execute(tx));
  const results = new Set(rows.map((row) => row.id));
  const accepted = new Set(acceptedIds);
  const events = await countGradedEvents(platform, examId, results.size, EVENT_BOUNDS);
  const duplicated = new Set([...events.duplicated, ...rows.filter((row) => Number(row.grading_round) > 1).map((row) => row.id)]);
  return {
    results: results.size,
    lost: [...accepted].filter((id) => !results.has(id)).length,
    unexpected: [...results].filter((id) => !accepted.has(id)).length,
    duplicated: duplicated.size,
    gradedEvents: events.submissions,
    deadLettered: dead.rows[0]?.n ?? 0,
    meanScorePercent: rows.length === 0 ? null : rows.reduce((sum, row) => sum + Number(row.percent ?? 0), 0) / rows.length,
  };
}
