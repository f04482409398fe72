/** The measured phases of the exam-day bench, driven by the parent: starts, submits, and the wait for grades. */
import { performance } from 'node:perf_hooks';
import type { Progress, ProgressQuery, Verdict } from './api-child.js';
import { combined, runLoad, type LoadFigures, type LoadSpec } from './http-load.js';
import { ANSWER_VARIANTS, answersRight, EXAM_ITEMS } from './items.js';
import { Latencies, type LatencyMs } from './latency.js';
import type { SubmitFigures, SubmitPlan } from './load-child.js';
import type { ExamChild } from './rpc.js';

/** What a submit needs of a started attempt (from the start's response body). */
export interface StartedAttempt {
  id: string;
  slots: Array<{ slot: string; itemId: string }>;
}

export interface StartRun {
  figures: LoadFigures;
  /** Per student (same order as the tokens); undefined when the start failed. */
  attempts: Array<StartedAttempt | undefined>;
}

/**
 * Every student starts an attempt of `examId`: at `rate` per second (the start spike), or as fast as
 * `connections` requests at a time allow (setup).
 */
export async function startAttempts(urls: readonly string[], examId: string, authorizations: readonly string[],
  load: { rate?: number; connections: number; timeoutMs: number }): Promise<StartRun> {
  const attempts: Array<StartedAttempt | undefined> = new Array(authorizations.length);
  const figures = await runLoad({ urls, count: authorizations.length, ...load, ...startRequests(examId, authorizations, attempts, 0) });
  return { figures, attempts };
}

/**
 * After a start spike some requests went unanswered, the server may still be starting those attempts: waits
 * until the exam's attempts stop growing for `settleMs` (bounded by `timeoutMs`), so that work does not land
 * in the submit phase. Returns the attempts the server holds.
 */
export async function settleStarts(api: ExamChild, exam: { tenantId: string; examId: string }, bounds: { settleMs: number; timeoutMs: number }): Promise<number> {
  const deadline = performance.now() + bounds.timeoutMs;
  const ask = () => api.call<Progress>('progress', { ...exam, lag: false } satisfies ProgressQuery, 60_000);
  let attempts = (await ask()).attempts;
  let moved = performance.now();
  while (performance.now() - moved < bounds.settleMs && performance.now() < deadline) {
    await sleep(POLL_MS);
    const now = (await ask()).attempts;
    if (now !== attempts) moved = performance.now();
    attempts = now;
  }
  return attempts;
}

/**
 * The setup's starts, unpaced, a slice of students at a time with tokens checked before each slice: on a
 * slow backend starting tens of thousands of attempts can outlive the tokens.
 */
export async function startAttemptsInSlices(urls: readonly string[], examId: string, tokens: { validFor(ms: number): Promise<string[]> },
  load: { connections: number; timeoutMs: number; slice: number }): Promise<StartRun> {
  const first = await tokens.validFor(0);
  const attempts: Array<StartedAttempt | undefined> = new Array(first.length);
  const latencies = new Latencies();
  const runs: LoadFigures[] = [];
  for (let from = 0; from < first.length; from += load.slice) {
    const authorizations = (await tokens.validFor(SLICE_TOKEN_MS)).slice(from, from + load.slice);
    runs.push(await runLoad({ urls, count: authorizations.length, connections: load.connections, timeoutMs: load.timeoutMs, latencies,
      ...startRequests(examId, authorizations, attempts, from) }));
  }
  return { figures: combined(runs, latencies), attempts };
}

/** Long enough for a slice of starts at a few hundred a second. */
const SLICE_TOKEN_MS = 300_000;

function startRequests(examId: string, authorizations: readonly string[], attempts: Array<StartedAttempt | undefined>, offset: number): Pick<LoadSpec, 'request' | 'onAnswer'> {
  return {
    request: (index) => ({ method: 'POST', path: `/api/v1/exams/${examId}/attempts`, headers: { authorization: authorizations[index] as string } }),
    onAnswer: (index, status, body) => {
      if (status !== 201 && status !== 200) return;
      const attempt = JSON.parse(body) as { id: string; slots: Array<{ slot: string; item: { id: string } }> };
      // Only what the submit needs: the whole view (items, stems, options) of 50,000 attempts would fill the heap.
      attempts[offset + index] = { id: attempt.id, slots: attempt.slots.map((slot) => ({ slot: slot.slot, itemId: slot.item.id })) };
    },
  };
}

/**
 * The submits of the started attempts: every slot answered, right or wrong by the student's answer sheet
 * (see answersRight), spread evenly over `windowSeconds`. The bodies are built from each attempt's own slots;
 * attempts with the same slots and sheet share one body.
 */
export function submitPlan(urls: readonly string[], run: StartRun, authorizations: readonly string[], itemKeys: Readonly<Record<string, string>>,
  pathOf: (attemptId: string) => string, load: { windowSeconds: number; connections: number; timeoutMs: number }): SubmitPlan {
  const bodies: string[] = [];
  const bodyIndex = new Map<string, number>();
  const requests: SubmitPlan['requests'] = [];
  run.attempts.forEach((attempt, student) => {
    if (!attempt) return;
    const variant = student % ANSWER_VARIANTS;
    const key = `${variant}|${attempt.slots.map((s) => `${s.slot}=${s.itemId}`).join(',')}`;
    let index = bodyIndex.get(key);
    if (index === undefined) {
      index = bodies.push(JSON.stringify({ answers: answerSheet(attempt, itemKeys, variant) })) - 1;
      bodyIndex.set(key, index);
    }
    requests.push([pathOf(attempt.id), student, index]);
  });
  const rate = Math.max(1, requests.length / load.windowSeconds);
  return { urls: [...urls], rate, connections: load.connections, timeoutMs: load.timeoutMs, requests, authorizations: [...authorizations], bodies };
}

function answerSheet(attempt: StartedAttempt, itemKeys: Readonly<Record<string, string>>, variant: number): unknown[] {
  return attempt.slots.map((slot, position) => {
    const index = EXAM_ITEMS.findIndex((item) => item.key === itemKeys[slot.itemId]);
    const item = EXAM_ITEMS[index];
    if (!item) throw new Error(`Attempt ${attempt.id} holds item ${slot.itemId}, which the bench did not set up`);
    return { slot: slot.slot, seq: position + 1, response: answersRight(variant, index, item.facility) ? item.right : item.wrong };
  });
}

export async function runSubmits(loader: ExamChild, plan: SubmitPlan, windowSeconds: number): Promise<SubmitFigures> {
  return loader.call<SubmitFigures>('run', plan, (windowSeconds * 2 + 120) * 1000 + plan.timeoutMs);
}

export interface DrainFigures {
  /** From the last accepted submit's answer to the last result's grading time; 0 when grading was done first. */
  drainSeconds: number | null;
  /** The wait ended on one of its bounds with results missing: `lost` then counts submissions not graded yet. */
  timedOut: boolean;
  verdict: Verdict;
}

export interface DrainBounds {
  /** The longest the whole wait may take. */
  timeoutMs: number;
  /** The wait ends when no result has come for this long. */
  stallMs: number;
  /** After the last accepted result, how long results must stay unchanged (0: no such wait). */
  settleMs: number;
}

const POLL_MS = 500;
const LOG_EVERY_MS = 5_000;

/**
 * Polls until every accepted submission has its result and the exam queue is empty, then checks for lost
 * and duplicated grades. Grading may be slow (one embedded process grades tens of thousands of submissions),
 * so the wait goes on while results keep coming, and ends after `stallMs` without a new one, or at
 * `timeoutMs` whatever happens.
 */
export async function drain(api: ExamChild, exam: { tenantId: string; examId: string }, accepted: { ids: readonly string[]; lastAt: number | null },
  bounds: DrainBounds, log: (line: string) => void): Promise<DrainFigures> {
  const deadline = performance.now() + bounds.timeoutMs;
  // The queue's lag only once the accepted ones are graded: on the local bus it costs a scan of the messages.
  const ask = (lag: boolean) => api.call<Progress>('progress', { ...exam, lag } satisfies ProgressQuery, 60_000);
  let progress = await ask(false);
  let logged = performance.now();
  let moved = performance.now();
  const changed = (previous: Progress) => progress.results !== previous.results || progress.queueLag !== previous.queueLag;
  // The queue empty too: submits the load generator gave up on may still have been taken, and grading them
  // must not spill into the next phase.
  while ((progress.results < accepted.ids.length || progress.queueLag > 0) && performance.now() < deadline && performance.now() - moved < bounds.stallMs) {
    await sleep(POLL_MS);
    const previous = progress;
    progress = await ask(progress.results >= accepted.ids.length);
    if (changed(previous)) moved = performance.now();
    if (performance.now() - logged > LOG_EVERY_MS) {
      log(`  grading: ${progress.results} of ${accepted.ids.length} results`);
      logged = performance.now();
    }
  }
  const timedOut = progress.results < accepted.ids.length;
  // Submits the load generator gave up on may still be in the server, on their way to the queue: until
  // results stop coming for a while, they could still spill into the next phase.
  moved = performance.now();
  while (!timedOut && bounds.settleMs > 0 && performance.now() - moved < bounds.settleMs && performance.now() < deadline) {
    await sleep(POLL_MS);
    const previous = progress;
    progress = await ask(true);
    if (changed(previous)) moved = performance.now();
  }
  const verdict = await api.call<Verdict>('verify', { examId: exam.examId, acceptedIds: accepted.ids }, 900_000);
  const drainSeconds = progress.lastGradedAt === null || accepted.lastAt === null ? null : Math.max(0, (progress.lastGradedAt - accepted.lastAt) / 1000);
  return { drainSeconds, timedOut, verdict };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface AnalysisFigures {
  /** Graded attempts the analysis covered (its exam.n). */
  attempts: number;
  reads: number;
  latencyMs: LatencyMs | null;
}

/**
 * The instructor opens the exam's item analysis `reads` times, one request at a time over HTTP, once grading
 * is done: the cost of reading statistics the workers kept up to date, at this many attempts.
 */
export async function readAnalysis(url: string, examId: string, authorization: string, reads: number): Promise<AnalysisFigures> {
  const latencies = new Latencies();
  let attempts = 0;
  for (let read = 0; read < reads; read++) {
    const started = performance.now();
    const response = await fetch(`${url}/api/v1/exams/${examId}/analysis`, { headers: { authorization } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`The item analysis answered ${response.status}: ${body.slice(0, 300)}`);
    latencies.record(performance.now() - started);
    attempts = (JSON.parse(body) as { exam: { n: number } }).exam.n;
  }
  return { attempts, reads, latencyMs: latencies.summaryOrNull() };
}
