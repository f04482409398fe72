/** The adaptive bench's tables and notes. */
import type { Cell, Table } from '../lib/bench.js';
import type { FreshnessFigures } from './freshness.js';
import { MASTERY_THRESHOLD, TRACKING_BKT } from './history.js';
import type { AdaptivePlan, SetResult } from './run-set.js';

export const BUDGETS = { nextP99Ms: 10, freshnessP99Ms: 250 };

export function nextTable(results: readonly SetResult[]): Table {
  return {
    title: 'GET /adaptive/next under load (ms)',
    columns: [
      { key: 'backends', title: 'backends' },
      { key: 'rps', title: 'req/s' },
      { key: 'p50', title: 'p50', decimals: 2 },
      { key: 'p90', title: 'p90', decimals: 2 },
      { key: 'p99', title: 'p99', decimals: 2 },
      { key: 'max', title: 'max', decimals: 1 },
      { key: 'pacedRate', title: 'paced req/s' },
      { key: 'pacedP50', title: 'p50, paced', decimals: 2 },
      { key: 'pacedP99', title: 'p99, paced', decimals: 2 },
      { key: 'singleRps', title: 'req/s, 1 conn' },
      { key: 'singleP50', title: 'p50, 1 conn', decimals: 2 },
      { key: 'singleP99', title: 'p99, 1 conn', decimals: 2 },
      { key: 'load', title: 'load 1m', decimals: 1 },
    ],
    rows: results.map((result): Record<string, Cell> => ({
      backends: result.backends,
      rps: Math.round(result.next.requestsPerSecond),
      p50: result.next.latencyMs.p50, p90: result.next.latencyMs.p90, p99: result.next.latencyMs.p99, max: result.next.latencyMs.max,
      pacedRate: result.next.paced.rate, pacedP50: result.next.paced.latencyMs?.p50 ?? null, pacedP99: result.next.paced.latencyMs?.p99 ?? null,
      singleRps: Math.round(result.next.single.requestsPerSecond),
      singleP50: result.next.single.latencyMs.p50, singleP99: result.next.single.latencyMs.p99,
      load: result.loadAverage,
    })),
  };
}

export function freshnessTable(results: readonly SetResult[]): Table {
  const row = (backends: string, path: string, figures: FreshnessFigures, practice: boolean): Record<string, Cell> => ({
    backends, path, samples: figures.samples, reflected: figures.reflected, firstRead: practice ? figures.firstRead : null, unmoved: practice ? figures.unmoved : null,
    p50: figures.delayMs?.p50 ?? null, p90: figures.delayMs?.p90 ?? null, p99: figures.delayMs?.p99 ?? null, max: figures.delayMs?.max ?? null,
    answerP50: figures.answerMs?.p50 ?? null, answerP99: figures.answerMs?.p99 ?? null,
  });
  return {
    title: 'Freshness: graded answer → changed recommendation served by GET /adaptive/next (ms)',
    columns: [
      { key: 'backends', title: 'backends' },
      { key: 'path', title: 'path' },
      { key: 'samples', title: 'samples' },
      { key: 'reflected', title: 'changed in time' },
      { key: 'firstRead', title: 'on first read' },
      { key: 'unmoved', title: 'unmoved' },
      { key: 'p50', title: 'delay p50', decimals: 1 },
      { key: 'p90', title: 'delay p90', decimals: 1 },
      { key: 'p99', title: 'delay p99', decimals: 1 },
      { key: 'max', title: 'delay max', decimals: 1 },
      { key: 'answerP50', title: 'answer p50', decimals: 1 },
      { key: 'answerP99', title: 'answer p99', decimals: 1 },
    ],
    rows: results.flatMap((result) => [
      row(result.backends, 'practice answer (HTTP)', result.practice, true),
      row(result.backends, 'exam graded (outbox → bus → consumer)', result.exam, false),
    ]),
  };
}

export function seedTable(results: readonly SetResult[]): Table {
  return {
    title: 'Seeding (not measured as load), seconds',
    columns: [
      { key: 'backends', title: 'backends' },
      { key: 'responses', title: 'responses' },
      { key: 'mastery', title: 'mastery rows' },
      { key: 'catalog', title: 'catalog events', decimals: 1 },
      { key: 'enrollments', title: 'enrollments', decimals: 1 },
      { key: 'history', title: 'history (bulk)', decimals: 1 },
      { key: 'refit', title: 'refit job', decimals: 1 },
      { key: 'tokens', title: 'tokens', decimals: 1 },
    ],
    rows: results.map((result): Record<string, Cell> => ({
      backends: result.backends,
      responses: result.seed.rows['adaptive.responses'] ?? 0,
      mastery: result.seed.rows['adaptive.mastery'] ?? 0,
      catalog: result.seed.seconds.catalog, enrollments: result.seed.seconds.enrollments, history: result.seed.seconds.history,
      refit: result.seed.refitSeconds, tokens: result.seed.tokenSeconds,
    })),
  };
}

/** Budgets missed, one line each (empty when every figure is within its budget). */
export function budgetMisses(results: readonly SetResult[]): string[] {
  return results.flatMap((result) => [
    ...nextMisses(result),
    ...[['practice', result.practice], ['exam', result.exam]].flatMap(([path, figures]) => {
      const f = figures as FreshnessFigures;
      if (f.notReflected > 0) return [`${result.backends}: ${f.notReflected} ${String(path)} samples showed no change within the timeout`];
      const p99 = f.delayMs?.p99;
      return p99 !== undefined && p99 > BUDGETS.freshnessP99Ms ? [`${result.backends}: ${String(path)} freshness p99 ${p99.toFixed(1)} ms is over the ${BUDGETS.freshnessP99Ms} ms budget`] : [];
    }),
  ]);
}

/** The budget is read on the paced run (loaded, not overrun); the saturated closed loop is named beside it. */
function nextMisses(result: SetResult): string[] {
  const paced = result.next.paced.latencyMs?.p99 ?? Infinity;
  if (paced <= BUDGETS.nextP99Ms) return [];
  return [`${result.backends}: next p99 ${paced.toFixed(2)} ms at ${result.next.paced.rate} req/s (saturated: ${result.next.latencyMs.p99.toFixed(2)} ms) is over the ${BUDGETS.nextP99Ms} ms budget`];
}

export function notesOf(plan: AdaptivePlan, results: readonly SetResult[]): string[] {
  const { seed } = plan;
  const misses = budgetMisses(results);
  return [
    `Budgets (issue 7): next p99 ≤ ${BUDGETS.nextP99Ms} ms under load; graded answer → changed recommendation p99 ≤ ${BUDGETS.freshnessP99Ms} ms for practice and for exams through the queue. ${misses.length === 0 ? 'All met on this run.' : `Missed: ${misses.join('; ')}.`}`,
    `Set-up (unmeasured), in a child process running the adaptive service as a server does (routes, its consumers, the outbox relay, its jobs): one tenant; ${seed.skills} skills in ${seed.chains} prerequisite chains, one course teaching all of them and ${seed.items.toLocaleString('en-US')} items (80 % single choice, 20 % true/false, one skill each), announced through adaptive's catalog consumer; ${seed.students.toLocaleString('en-US')} students enrolled through its enrollment consumer (each event handed to the consumer's handler as the bus delivers it). History: ${seed.responsesPerStudent} simulated practice answers per student (${(seed.students * seed.responsesPerStudent).toLocaleString('en-US')} in all) inserted in bulk as the tenant — responses, BKT mastery (tracked with the service's default parameters ${JSON.stringify(TRACKING_BKT)}, a student moving to the next skill at ${MASTERY_THRESHOLD}), IRT abilities and the items' use counts and learning gain — not through the practice use case (no review cards or review log: nobody in the history has a spaced review due). Then the service's refit job fits BKT, IRT and the predictor on that history before anything is measured.`,
    `next: GET /api/v1/adaptive/next?courseId=… rotating over every seeded student's token (shuffled), three runs of ${plan.next.durationSeconds} s after ${plan.next.warmupSeconds} s of warm-up: saturated by a closed loop of ${plan.next.connections} keep-alive connections (autocannon; its p99 is mostly the queue, ≈ connections ÷ throughput), one connection one request at a time (the request alone), and "paced": an open loop at ${Math.round(plan.next.pacedShare * 100)} % of the saturated throughput, request i sent at i ÷ rate over up to ${plan.next.connections} connections whatever is in flight. The budget is read on the paced run. The load generator runs in the bench process, the server in the child, on the same 2 cores.`,
    `Practice freshness: for ${plan.practice.samples} students (after ${plan.practice.warmup} unmeasured), one at a time: GET next, POST /adaptive/practice/answers with a wrong response to the served item (with an Idempotency-Key, as the web client sends), then GET next until it serves another skill or the served skill's mastery equals the value the answer's reply reported; the delay is from the answer's 200 to that read's reply, so it includes one read. "On first read" counts the samples whose first read after the 200 already showed it (the answer is applied before its reply). "Unmoved": wrong answers that left the mastery unchanged at three decimals (BKT's fixed point for repeated wrong answers), nothing to observe, excluded.`,
    `Exam freshness: for ${plan.exam.samples} other students (after ${plan.exam.warmup} unmeasured), one at a time: GET next and GET /adaptive/mastery, then the child commits assessment.submission.graded to the outbox (2 items of the served skill right, 3 items of random skills); the relay publishes it to the bus (NATS JetStream in the distributed set) and adaptive's exam-results consumer applies it. The bench reads the mastery every ${plan.exam.pollMs} ms until the served skill counts the new answers (a cheap read: polling next itself, ~its own cost back to back, would hold the server's event loop and slow the consumer under test), then reads next until the served skill or its mastery changed — as a screen does when the live channel tells it the model moved. The delay runs from the commit (the child's clock) to the reply of that read of next (the bench's clock; the same machine's), so it includes one read of next. The relay runs in the process that commits, so the commit wakes it at once; a relay in another process finds events by polling (every 250 ms).`,
    'Profile the child with BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof". A request of next is one transaction (the learner\'s rows in one statement, then the chosen item); the tenant\'s items, graph, courses and parameters come from the service\'s model cache, which compares a version row every 2 s and reloads (10,000 items, on the event loop) only when something changed or every 5 minutes.',
  ];
}
