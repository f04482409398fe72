/** The exam-day bench's results: one entry per backend set and mode, the tables, and the notes. */
import type { Cell, Json, Table } from '../lib/bench.js';
import { errorsOf } from './http-load.js';
import { EXAM_ITEMS } from './items.js';
import type { LatencyMs } from './latency.js';
import { WORKER_NICE, type ExamDayPlan, type ModeResult, type SetResult } from './run-set.js';

export interface ExamDayEntry {
  backend: string;
  backends: string;
  mode: ModeResult['mode'];
  students: number;
  windowSeconds: number;
  /** Grading worker processes (0: grading runs in the one embedded process). */
  workers: number;
  /** API processes the load was spread over. */
  apis: number;
  submitted: number;
  accepted: number;
  offeredPerSecond: number;
  acceptedPerSecond: number;
  submitLatencyMs: LatencyMs | null;
  startLatencyMs: LatencyMs | null;
  /** `spike`: the paced start spike; `setup`: unpaced setup starts (the baseline's attempts). */
  startsMeasured: 'spike' | 'setup';
  startErrorsByStatus: Record<string, number>;
  errorsByStatus: Record<string, number>;
  lost: number;
  duplicated: number;
  unexpected: number;
  deadLettered: number;
  /** Mean result in percent: at least the sheets' share of right answers (parameter answerSheetsRightPercent). */
  meanScorePercent: number | null;
  drainSeconds: number | null;
  drainTimedOut: boolean;
  /** The instructor's item analysis of the exam, read once grading was done: over how many attempts, and how fast. */
  analysis: { attempts: number; reads: number; latencyMs: LatencyMs | null };
  /** How late the load generators sent against their schedule (ms). */
  pacerMaxLagMs: { start: number; submit: number };
  loadAverage: number;
}

export const BUDGET = { acceptedPerSecond: 5_000, p99Ms: 20, students: 50_000 } as const;

export function entriesOf(sets: readonly SetResult[], plan: ExamDayPlan): ExamDayEntry[] {
  return sets.flatMap((set) => set.modes.map((mode): ExamDayEntry => ({
    backend: set.backend, backends: set.backends, mode: mode.mode, students: set.students, windowSeconds: plan.windowSeconds, workers: set.workers, apis: set.apis,
    submitted: mode.submit.count, accepted: mode.accepted, offeredPerSecond: mode.offeredPerSecond, acceptedPerSecond: mode.acceptedPerSecond,
    submitLatencyMs: mode.submit.latencyMs, startLatencyMs: mode.start.latencyMs, startsMeasured: mode.mode === 'queued' ? 'spike' : 'setup',
    startErrorsByStatus: errorsOf(mode.start), errorsByStatus: errorsOf(mode.submit),
    lost: mode.drain.verdict.lost, duplicated: mode.drain.verdict.duplicated, unexpected: mode.drain.verdict.unexpected, deadLettered: mode.drain.verdict.deadLettered,
    meanScorePercent: mode.drain.verdict.meanScorePercent,
    drainSeconds: mode.drain.drainSeconds, drainTimedOut: mode.drain.timedOut, analysis: mode.analysis,
    pacerMaxLagMs: { start: mode.start.maxLagMs, submit: mode.submit.maxLagMs }, loadAverage: mode.loadAverage,
  })));
}

export function resultsTable(entries: readonly ExamDayEntry[]): Table {
  return {
    title: 'Exam day: start spike, submits spread over the window, grading (latencies in ms, client-measured)',
    columns: [
      { key: 'backends', title: 'backends' },
      { key: 'mode', title: 'submit path' },
      { key: 'startP50', title: 'start p50', decimals: 1 },
      { key: 'startP95', title: 'start p95', decimals: 1 },
      { key: 'startP99', title: 'start p99', decimals: 1 },
      { key: 'startMax', title: 'start max', decimals: 1 },
      { key: 'startErrors', title: 'start errors' },
      { key: 'offered', title: 'offered/s' },
      { key: 'accepted', title: 'accepted/s' },
      { key: 'p50', title: 'submit p50', decimals: 1 },
      { key: 'p95', title: 'submit p95', decimals: 1 },
      { key: 'p99', title: 'submit p99', decimals: 1 },
      { key: 'max', title: 'submit max', decimals: 1 },
      { key: 'errors', title: 'submit errors' },
      { key: 'drain', title: 'last graded after last submit, s', decimals: 1 },
      { key: 'lost', title: 'lost' },
      { key: 'duplicated', title: 'duplicated' },
      { key: 'analysisAttempts', title: 'analysis: attempts' },
      { key: 'analysisP50', title: 'analysis p50', decimals: 1 },
      { key: 'analysisMax', title: 'analysis max', decimals: 1 },
      { key: 'load', title: 'load 1m', decimals: 1 },
    ],
    rows: entries.map((entry): Record<string, Cell> => ({
      backends: `${entry.backends}${entry.apis > 1 ? ` · ${entry.apis} APIs` : ''}${entry.workers > 0 ? ` · ${entry.workers} worker${entry.workers === 1 ? '' : 's'}` : ''}`,
      mode: entry.mode === 'queued' ? 'queued (202)' : 'naive (grades in request)',
      startP50: entry.startLatencyMs?.p50 ?? null,
      startP95: entry.startLatencyMs?.p95 ?? null,
      startP99: entry.startLatencyMs?.p99 ?? null,
      startMax: entry.startLatencyMs?.max ?? null,
      startErrors: errorCell(entry.startErrorsByStatus),
      offered: Math.round(entry.offeredPerSecond),
      accepted: Math.round(entry.acceptedPerSecond),
      p50: entry.submitLatencyMs?.p50 ?? null,
      p95: entry.submitLatencyMs?.p95 ?? null,
      p99: entry.submitLatencyMs?.p99 ?? null,
      max: entry.submitLatencyMs?.max ?? null,
      errors: errorCell(entry.errorsByStatus),
      drain: entry.drainSeconds,
      lost: entry.drainTimedOut ? `${entry.lost} (not graded when the wait ended)` : entry.lost,
      duplicated: entry.duplicated,
      analysisAttempts: entry.analysis.attempts,
      analysisP50: entry.analysis.latencyMs?.p50 ?? null,
      analysisMax: entry.analysis.latencyMs?.max ?? null,
      load: entry.loadAverage,
    })),
  };
}

export function setupTable(sets: readonly SetResult[]): Table {
  return {
    title: 'Setup (not measured as load), seconds',
    columns: [
      { key: 'backends', title: 'backends' },
      { key: 'items', title: 'items', decimals: 1 },
      { key: 'enrollments', title: 'enrollments', decimals: 1 },
      { key: 'exams', title: 'exams (HTTP)', decimals: 1 },
      { key: 'tokens', title: 'tokens', decimals: 1 },
      { key: 'naiveStarts', title: 'baseline attempts started', decimals: 1 },
    ],
    rows: sets.map((set): Record<string, Cell> => ({ backends: set.backends, ...set.setupSeconds })),
  };
}

function errorCell(errors: Record<string, number>): Cell {
  const entries = Object.entries(errors).filter(([, count]) => count > 0);
  if (entries.length === 0) return 0;
  return entries.map(([status, count]) => `${status}: ${count}`).join(', ');
}

/** Whether the distributed queued row meets the budget; the verdict only counts at the budget's N. */
export function budgetVerdict(entries: readonly ExamDayEntry[]): string {
  const row = entries.find((entry) => entry.backend === 'distributed' && entry.mode === 'queued');
  if (!row) return 'Budget check: the distributed set did not run, so the budget is not checked by this run.';
  const errors = Object.values(row.errorsByStatus).reduce((sum, count) => sum + count, 0);
  const p99 = row.submitLatencyMs?.p99 ?? Number.POSITIVE_INFINITY;
  const checks = [
    `accepted/s ${Math.round(row.acceptedPerSecond)} ${row.acceptedPerSecond >= BUDGET.acceptedPerSecond ? '≥' : '<'} ${BUDGET.acceptedPerSecond}`,
    `p99 ${p99.toFixed(1)} ms ${p99 <= BUDGET.p99Ms ? '≤' : '>'} ${BUDGET.p99Ms} ms`,
    `${errors} errors`, `${row.lost} lost`, `${row.duplicated} duplicated`,
  ];
  const met = row.acceptedPerSecond >= BUDGET.acceptedPerSecond && p99 <= BUDGET.p99Ms && errors === 0 && row.lost === 0 && row.duplicated === 0;
  const scale = row.students === BUDGET.students ? '' : ` (this run has N = ${row.students.toLocaleString('en-US')}, not the budget's ${BUDGET.students.toLocaleString('en-US')}: indicative only)`;
  return `Budget check, distributed queued row: ${checks.join(', ')} — ${met ? 'met' : 'NOT met'}${scale}.`;
}

export function notesOf(plan: ExamDayPlan, entries: readonly ExamDayEntry[]): string[] {
  const offered = plan.students / plan.windowSeconds;
  const types = [...new Set(EXAM_ITEMS.map((item) => item.content.type))].join(', ');
  const points = EXAM_ITEMS.reduce((sum, item) => sum + item.points, 0);
  return [
    `Budget (issue 5), distributed mode on this 2-core machine: ≥ ${BUDGET.acceptedPerSecond.toLocaleString('en-US')} submits/s accepted with p99 ≤ ${BUDGET.p99Ms} ms and 0 errors at N = ${BUDGET.students.toLocaleString('en-US')}; embedded mode is reported alongside. In every row, lost and duplicated must be 0.`,
    budgetVerdict(entries),
    ...(plan.embeddedStudents === plan.students ? [] : [`The embedded set ran with N = ${plan.embeddedStudents.toLocaleString('en-US')} students (\`--embedded-students\`), over the same window: its one process grades every submission as well, so the distributed N would take it most of an hour; its offered rate is N ÷ S accordingly.`]),
    `The submits are spread evenly over the window, so accepted/s cannot exceed the offered rate: at most N ÷ S (here ${plan.students.toLocaleString('en-US')} ÷ ${plan.windowSeconds} s = ${Math.round(offered).toLocaleString('en-US')}/s), and less when starts went unanswered, since only attempts whose start was answered are submitted (a row's offered/s is its submits ÷ S). Showing the ${BUDGET.acceptedPerSecond.toLocaleString('en-US')}/s budget takes a window of at most N ÷ ${BUDGET.acceptedPerSecond.toLocaleString('en-US')} s (${BUDGET.students / BUDGET.acceptedPerSecond} s at N = ${BUDGET.students.toLocaleString('en-US')}, i.e. \`--window ${BUDGET.students / BUDGET.acceptedPerSecond}\`).`,
    `Setup (not measured): a tenant with an instructor; ${EXAM_ITEMS.length} auto-graded items (${types}; ${points} points) in the catalog's item format, announced to assessment's item-bank consumer as catalog.item.published; a course announced to assessment's courses consumer as catalog.course.published, with N students, each with an RS256 access token from the platform's signing keys and an active enrollment announced to assessment's enrollments consumer as enrollment.enrollment.activated; two exams of those items (options shuffled per attempt, proportional partial credit, results released at once), created and published through the HTTP API: one for the queued path, one for the baseline. Tokens live 15 minutes; a phase that would outlive them gets freshly issued ones.`,
    `Start spike: every student POSTs /api/v1/exams/{id}/attempts once, paced evenly over the first S ÷ 4 = ${plan.windowSeconds / 4} s, from the bench process; each 201 body gives the attempt id and its slots, from which the submit is built. When starts go unanswered, the submits wait until the server's count of the exam's attempts has stopped growing for 10 s (it may still be starting them), and those attempts are not submitted. The baseline exam's attempts are started during setup, unpaced, 16 at a time (the naive rows' start columns).`,
    `Submits: from a separate load-generator process, each started attempt is submitted once (every one of its ${EXAM_ITEMS.length} slots answered, right or wrong by one of 64 answer sheets following each item's facility), request i sent at i ÷ rate seconds whatever is still in flight (an open loop), over ${plan.connections} keep-alive connections to 127.0.0.1 (shared out over the API processes, request i to the i-th modulo their number, as a round-robin load balancer would). Latency is per 2xx answer, from sending the request to the end of its answer; errors are non-2xx answers by status plus requests without an answer by cause (a request unanswered after ${plan.requestTimeoutMs / 1000} s is a timeout). accepted/s is the 2xx answers over the time from the first submit sent to the last 2xx received.`,
    'Queued path: POST /api/v1/attempts/{id}/submit checks the attempt against its cached gate, stamps the time, appends to the exam queue (JetStream in distributed mode, the database-backed local bus embedded) and answers 202; grading workers take it from there. Baseline ("naive"): POST /api/v1/bench/naive-submit/{id}, a route only the bench registers, with the same body schema, authentication and permission, reads the attempt from the database, then runs the grading worker\'s own transaction (assessment\'s gradeSynchronously) before answering 200.',
    'Drain: after the last submit, the bench polls assessment.submissions (a system read in the API process) until every accepted submission has its result and the exam queue is empty, for as long as results keep coming (the wait ends after 60 s without one; lost then counts what was not graded yet, and says so), and, when submits went unanswered, until nothing changes for 10 s (the server may still take them), so no phase spills into the next; the figure is the last result\'s graded_at minus the time the last accepted submit was answered (0 when grading kept up). Lost: accepted submission ids without a result (the id is the primary key, so none can have two). Duplicated: submissions with graded events of different ids, as read back by a consumer of assessment.submission.* the bench creates once grading is done (so it costs nothing under load; it reads the stream from its start, and the relay deletes outbox rows once published, so the bus is where a second grade shows), or whose grading round is above 1 (no regrade runs).',
    'Item analysis: once an exam\'s submissions were all graded, its instructor opens GET /api/v1/exams/{id}/analysis 20 times, one request at a time, over HTTP to the first API process (latency from request to the end of the answer); "attempts" is the graded attempts the answer covered. The statistics are kept by the grading workers as results arrive, so the read does not grow with the attempts (issue 5: under a second at 10,000 attempts).',
    `Processes: embedded is one process with every role (api; worker: assessment's consumers, grading among them; relay: outbox relay, deadline job), PGlite in a temporary folder (the \`npm start\` layout), the local bus and the in-memory cache. Distributed is ${plan.apis} API process${plan.apis === 1 ? '' : 'es'} (the first also has the relay role: outbox relay, deadline job; the others are the kernel's startProcess with TESSERA_ROLES=api, as replicas behind a load balancer), plus ${plan.workers} grading worker process${plan.workers === 1 ? '' : 'es'} (the kernel's startProcess with TESSERA_ROLES=worker) at nice ${WORKER_NICE}, so that grading uses what the accept path leaves of the cores (in production the workers run on their own nodes), on PostgreSQL, NATS JetStream and Redis on this machine (a scratch database, bus namespace and cache prefix, removed afterwards). The bench process (start spike) and the load generator share the same 2 cores with all of them, so every figure is bounded by the machine as a whole.`,
  ];
}

/** The entries as JSON figures. */
export function figuresOf(entries: readonly ExamDayEntry[], sets: readonly SetResult[]): Record<string, Json> {
  return JSON.parse(JSON.stringify({ entries, setup: sets.map((set) => ({ backend: set.backend, backends: set.backends, workers: set.workers, seconds: set.setupSeconds })) })) as Record<string, Json>;
}
