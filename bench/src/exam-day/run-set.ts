/** One backend set of the exam-day bench, from starting its processes to stopping them. */
import { MAX_ACCESS_TOKEN_SECONDS } from '@tessera/platform';
import type { BackendSet, BackendSetName } from '../kernel/backends.js';
import { loadAverage } from '../lib/machine.js';
import { okCount, type LoadFigures } from './http-load.js';
import type { SubmitFigures } from './load-child.js';
import { drain, readAnalysis, runSubmits, settleStarts, startAttempts, startAttemptsInSlices, submitPlan, type AnalysisFigures, type DrainBounds, type DrainFigures, type StartRun } from './phases.js';
import { ExamChild, stopAll, type ReadyInfo } from './rpc.js';
import type { ExamDaySetup } from './setup.js';

export interface ExamDayPlan {
  students: number;
  /** Students of the embedded set (one process grades everything there: a smaller N keeps the run short). */
  embeddedStudents: number;
  windowSeconds: number;
  /** Grading worker processes in the distributed set. */
  workers: number;
  /** API processes in the distributed set, the load spread over them (embedded is one process). */
  apis: number;
  /** Keep-alive connections of each load generator. */
  connections: number;
  /** Bound on each answer, and on the last answers of a phase. */
  requestTimeoutMs: number;
}

export type Mode = 'queued' | 'naive';

export interface ModeResult {
  mode: Mode;
  /** The starts of this mode's exam: the paced spike (queued), or unmeasured setup starts, a closed loop (naive). */
  start: LoadFigures;
  submit: LoadFigures;
  offeredPerSecond: number;
  acceptedPerSecond: number;
  accepted: number;
  drain: DrainFigures;
  /** The item analysis of this mode's exam, read once grading was done. */
  analysis: AnalysisFigures;
  /** The machine's 1-minute load average as the submits began. */
  loadAverage: number;
}

export interface SetResult {
  backend: BackendSetName;
  /** The adapters in use, e.g. `postgres · nats bus · redis cache`. */
  backends: string;
  workers: number;
  apis: number;
  students: number;
  setupSeconds: ExamDaySetup['seconds'] & { naiveStarts: number };
  modes: ModeResult[];
}

const STARTUP_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 120_000;
const TOKEN_LIFETIME_MS = MAX_ACCESS_TOKEN_SECONDS * 1000;
const TOKEN_MARGIN_MS = 60_000;
/** Requests each setup start keeps in flight (setup is not measured; this only keeps it short). */
const SETUP_CONNECTIONS = 16;
const SETUP_SLICE = 5_000;
/** Reads of the item analysis per exam, one at a time. */
const ANALYSIS_READS = 20;
/** The grading workers' nice value: see startWorkers. */
export const WORKER_NICE = 10;
/** The wait for grades ends after this long without a new result (or at its overall bound). */
const DRAIN_STALL_MS = 60_000;
/** With submits the load generator gave up on, the quiet that ends a phase: see drain. */
const SETTLE_MS = 10_000;

export async function measureSet(set: BackendSet, plan: ExamDayPlan, log: (line: string) => void): Promise<SetResult> {
  const distributed = set.name === 'distributed';
  const api = ExamChild.start('./api-child.ts', { grading: !distributed }, set.env, `exam-day API (${set.name})`);
  const children: ExamChild[] = [];
  let result: SetResult;
  try {
    const ready = await api.ready(STARTUP_TIMEOUT_MS);
    const workers = distributed ? await startWorkers(set, ready, plan.workers) : [];
    children.push(...workers);
    const replicas = distributed ? await startReplicas(set, ready, plan.apis - 1) : [];
    children.push(...replicas.map(({ child }) => child));
    const urls = [ready.url, ...replicas.map(({ url }) => url)];
    const loader = ExamChild.start('./load-child.ts', {}, set.env, `exam-day load (${set.name})`);
    children.unshift(loader);
    await loader.ready(STARTUP_TIMEOUT_MS);
    log(`${ready.backends}: ${distributed ? `${plural(urls.length, 'API process')} (the first with the relay role), ${plural(workers.length, 'grading worker process')}` : 'one process with every role'}`);
    result = await measureModes({ api, loader, ready, urls }, set.name, plan, workers.length, log);
  } catch (error) {
    await stopAll([...children, api], STOP_TIMEOUT_MS);
    throw error;
  }
  // The load generator and the workers first: the API process drops the scratch state they use.
  const [failure] = await stopAll([...children, api], STOP_TIMEOUT_MS);
  if (failure) throw failure;
  return result;
}

/**
 * Starts `count` children of `entry` on the API process's backends and waits until each is ready; stops them
 * all if one fails. `label(k)` names the k-th (from 0).
 */
async function startShared(set: BackendSet, ready: ReadyInfo, entry: string, count: number, label: (k: number) => string): Promise<Array<{ child: ExamChild; url: string }>> {
  const children = Array.from({ length: Math.max(0, count) }, (_, k) => ExamChild.start(entry, {}, { ...set.env, ...ready.extra }, `${label(k)} (${set.name})`));
  try {
    return await Promise.all(children.map(async (child) => ({ child, url: (await child.ready(STARTUP_TIMEOUT_MS)).url })));
  } catch (error) {
    await stopAll(children, STOP_TIMEOUT_MS);
    throw error;
  }
}

async function startWorkers(set: BackendSet, ready: ReadyInfo, count: number): Promise<ExamChild[]> {
  const workers = (await startShared(set, ready, './worker-child.ts', count, (k) => `exam-day worker ${k + 1}`)).map(({ child }) => child);
  try {
    // As on their own nodes in production, grading never takes the cores from accepting submits.
    for (const worker of workers) worker.lowerPriority(WORKER_NICE);
  } catch (error) {
    await stopAll(workers, STOP_TIMEOUT_MS);
    throw error;
  }
  return workers;
}

/** API processes beside the first, which the load is spread over. */
function startReplicas(set: BackendSet, ready: ReadyInfo, count: number): Promise<Array<{ child: ExamChild; url: string }>> {
  return startShared(set, ready, './api-replica-child.ts', count, (k) => `exam-day API ${k + 2}`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : noun.endsWith('s') ? 'es' : 's'}`;
}

interface SetProcesses {
  api: ExamChild;
  loader: ExamChild;
  ready: ReadyInfo;
  /** Every API process's URL, the first API process's first. */
  urls: string[];
}

async function measureModes({ api, loader, ready, urls }: SetProcesses, backend: BackendSetName, plan: ExamDayPlan, workers: number,
  log: (line: string) => void): Promise<SetResult> {
  const { windowSeconds, connections, requestTimeoutMs } = plan;
  const students = backend === 'embedded' ? plan.embeddedStudents : plan.students;
  const setup = await api.call<ExamDaySetup>('setup', { students }, 120_000 + students * 15);
  const tokens = new Tokens(api, setup);
  const load = { connections, timeoutMs: requestTimeoutMs };

  const naiveStarts = await startAttemptsInSlices(urls, setup.naiveExamId, tokens, { connections: SETUP_CONNECTIONS, timeoutMs: requestTimeoutMs, slice: SETUP_SLICE });
  const naiveStartSeconds = (naiveStarts.figures.lastSentAt - naiveStarts.figures.firstSentAt) / 1000;
  log(`setup: ${okCount(naiveStarts.figures)} attempts of the baseline exam started in ${naiveStartSeconds.toFixed(1)} s`);

  // The start spike: every student within the first quarter of the window.
  let authorizations = await tokens.validFor((windowSeconds * 1.25) * 1000 + 3 * requestTimeoutMs);
  const spikeSeconds = windowSeconds / 4;
  const spike = await startAttempts(urls, setup.queuedExamId, authorizations, { ...load, rate: students / spikeSeconds });
  log(`start spike: ${okCount(spike.figures)} of ${students} started in ${spikeSeconds} s, p99 ${fixed(spike.figures.latencyMs?.p99)} ms`);
  if (okCount(spike.figures) < students) {
    const held = await settleStarts(api, { tenantId: setup.tenantId, examId: setup.queuedExamId }, { settleMs: SETTLE_MS, timeoutMs: Math.max(600_000, students * 20) });
    log(`start spike: the server holds ${held} attempts once it settled (those without an answer are not submitted)`);
    authorizations = await tokens.validFor(windowSeconds * 1000 + 3 * requestTimeoutMs);
  }

  const queued = await measureMode('queued', { api, loader, urls, setup, authorizations, starts: spike, plan, log },
    (id) => `/api/v1/attempts/${id}/submit`, { timeoutMs: Math.max(600_000, students * 40), stallMs: DRAIN_STALL_MS });

  authorizations = await tokens.validFor(windowSeconds * 1000 + 3 * requestTimeoutMs);
  const naive = await measureMode('naive', { api, loader, urls, setup, authorizations, starts: naiveStarts, plan, log },
    (id) => `/api/v1/bench/naive-submit/${id}`, { timeoutMs: 300_000, stallMs: DRAIN_STALL_MS });
  return { backend, backends: ready.backends, workers, apis: urls.length, students, setupSeconds: { ...setup.seconds, naiveStarts: naiveStartSeconds }, modes: [queued, naive] };
}

interface ModeContext {
  api: ExamChild;
  loader: ExamChild;
  urls: string[];
  setup: ExamDaySetup;
  authorizations: string[];
  starts: StartRun;
  plan: ExamDayPlan;
  log: (line: string) => void;
}

async function measureMode(mode: Mode, context: ModeContext, pathOf: (attemptId: string) => string, drainBounds: Omit<DrainBounds, 'settleMs'>): Promise<ModeResult> {
  const { api, loader, urls, setup, authorizations, starts, plan, log } = context;
  const submitLoad = { windowSeconds: plan.windowSeconds, connections: plan.connections, timeoutMs: plan.requestTimeoutMs };
  const submits = submitPlan(urls, starts, authorizations, setup.itemKeys, pathOf, submitLoad);
  const loadAtStart = loadAverage()[0] ?? 0;
  const { acceptedIds, ...submit }: SubmitFigures = await runSubmits(loader, submits, plan.windowSeconds);
  const exam = { tenantId: setup.tenantId, examId: mode === 'queued' ? setup.queuedExamId : setup.naiveExamId };
  const unanswered = Object.values(submit.failures).reduce((sum, count) => sum + count, 0);
  const drained = await drain(api, exam, { ids: acceptedIds, lastAt: submit.lastOkAt }, { ...drainBounds, settleMs: unanswered > 0 ? SETTLE_MS : 0 }, log);
  const analysis = await readAnalysis(urls[0] as string, exam.examId, await api.call<string>('instructor', {}, 30_000), ANALYSIS_READS);
  log(`${mode}: item analysis over ${analysis.attempts} attempts read in p50 ${fixed(analysis.latencyMs?.p50)} ms, max ${fixed(analysis.latencyMs?.max)} ms`);
  const activeSeconds = submit.lastOkAt === null ? null : (submit.lastOkAt - submit.firstSentAt) / 1000;
  const acceptedPerSecond = activeSeconds ? acceptedIds.length / activeSeconds : 0;
  log(`${mode}: ${acceptedIds.length} of ${submits.requests.length} accepted, ${Math.round(acceptedPerSecond)}/s, p99 ${fixed(submit.latencyMs?.p99)} ms; `
    + `last result ${drained.drainSeconds === null ? '—' : `${drained.drainSeconds.toFixed(1)} s`} after the last submit; lost ${drained.verdict.lost}, duplicated ${drained.verdict.duplicated}`);
  return { mode, start: starts.figures, submit, offeredPerSecond: submits.rate, acceptedPerSecond, accepted: acceptedIds.length, drain: drained, analysis, loadAverage: loadAtStart };
}

/** The students' tokens, issued again when a phase would outlive them (they live 15 minutes). */
class Tokens {
  private authorizations: string[];
  private issuedAt: number;

  constructor(private readonly api: ExamChild, setup: ExamDaySetup) {
    this.authorizations = setup.authorizations;
    this.issuedAt = setup.tokensIssuedAt;
  }

  async validFor(ms: number): Promise<string[]> {
    if (Date.now() + ms + TOKEN_MARGIN_MS > this.issuedAt + TOKEN_LIFETIME_MS) {
      const fresh = await this.api.call<{ authorizations: string[]; tokensIssuedAt: number }>('tokens', {}, 120_000 + this.authorizations.length * 10);
      this.authorizations = fresh.authorizations;
      this.issuedAt = fresh.tokensIssuedAt;
    }
    return this.authorizations;
  }
}

function fixed(value: number | undefined): string {
  return value === undefined ? '—' : value.toFixed(1);
}
