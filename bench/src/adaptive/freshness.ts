/**
 * How soon a graded answer changes what `GET /adaptive/next` serves, one sampled student at a time (each
 * sample on a student of its own, so no sample starts from another's state):
 * - practice: read next, answer its item wrong, then read next until the served recommendation shows the
 *   answer (another skill, or the served skill's mastery at the value the answer's reply gave);
 * - exam: read next, have the child emit a graded exam answering two items of the served skill right through
 *   the outbox, wait until the learner's mastery counts those answers, then read next until the served skill
 *   or its mastery changed.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { summarize, type LatencySummary } from '../lib/percentiles.js';
import { wrongResponse } from './catalog-shape.js';
import type { GradedEmitted, GradedRequest } from './exam-events.js';
import { nextPath } from './next-load.js';

export interface Student {
  userId: string;
  authorization: string;
}

export interface FreshnessSpec {
  /** Measured samples, after `warmup` unmeasured ones. */
  samples: number;
  warmup: number;
  /** Reads of next start at most this often while waiting for a change. */
  pollMs: number;
  /** A sample still unchanged after this long counts as not reflected. */
  timeoutMs: number;
}

export interface FreshnessFigures {
  samples: number;
  /** Samples whose change was seen within the timeout; the delays are theirs. */
  reflected: number;
  notReflected: number;
  /** Practice: wrong answers that left the served skill's mastery unchanged at three decimals (nothing to see; excluded). */
  unmoved: number;
  /** Practice: samples whose first read of next after the answer's 200 already showed the change. */
  firstRead: number;
  /** Practice: from the answer's 200 to the reply of the first read showing the change; exam: from the event's commit. */
  delayMs: LatencySummary | null;
  /** Practice: the answer's own latency. */
  answerMs: LatencySummary | null;
  /** Every read of next while waiting. */
  readMs: LatencySummary | null;
}

interface Served {
  itemId: string | null;
  itemType: string | null;
  skillId: string | null;
  mastery: number | null;
}

interface MasteryChange {
  skill: { id: string };
  before: number;
  after: number;
}

/** Epoch milliseconds with the fraction: comparable with the child's, on the same machine. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

export async function measurePracticeFreshness(url: string, courseId: string, students: readonly Student[], spec: FreshnessSpec): Promise<FreshnessFigures> {
  const tally = new Tally();
  for (const [index, student] of students.slice(0, spec.warmup + spec.samples).entries()) {
    const measured = index >= spec.warmup;
    const before = await readNext(url, courseId, student.authorization, measured ? tally.reads : []);
    if (!before.itemId || !before.itemType || !before.skillId) throw new Error(`student ${student.userId} has nothing to practise: ${JSON.stringify(before)}`);
    const sent = performance.now();
    const reply = await answer(url, courseId, student.authorization, before.itemId, wrongResponse(before.itemType));
    const answeredAt = performance.now();
    const change = reply.mastery.find((entry) => entry.skill.id === before.skillId);
    if (!change) throw new Error(`the answer to ${before.itemId} moved no mastery of its skill ${before.skillId}`);
    if (!measured) continue;
    tally.answers.push(answeredAt - sent);
    if (change.after === change.before) {
      tally.unmoved += 1;
      continue;
    }
    const shows = (served: Served) => served.skillId !== before.skillId || served.mastery === change.after;
    tally.settle(await pollUntil(url, courseId, student.authorization, shows, answeredAt, spec, tally.reads));
  }
  return tally.figures();
}

export async function measureExamFreshness(url: string, courseId: string, students: readonly Student[], spec: FreshnessSpec,
  emit: (request: GradedRequest) => Promise<GradedEmitted>): Promise<FreshnessFigures> {
  const tally = new Tally();
  for (const [index, student] of students.slice(0, spec.warmup + spec.samples).entries()) {
    const measured = index >= spec.warmup;
    const reads = measured ? tally.reads : [];
    const before = await readNext(url, courseId, student.authorization, reads);
    const skillId = before.skillId;
    if (!skillId) throw new Error(`student ${student.userId} has nothing to practise: ${JSON.stringify(before)}`);
    const attemptsBefore = await attemptsOf(url, courseId, student.authorization, skillId);
    const { committedAt } = await emit({ userId: student.userId, skillId });
    // From here on the parent's clock: the commit's epoch time converted to this process's performance.now().
    const committed = committedAt - performance.timeOrigin;
    // Waiting on the learner's mastery, a cheap read, rather than on next itself: back-to-back reads of next
    // would keep the server's one event loop busy and slow the consumer being measured. A screen learns of
    // the change from the live channel and then reads next once; the delay ends with that read's reply.
    const applied = await waitFor(() => attemptsOf(url, courseId, student.authorization, skillId).then((attempts) => attempts > attemptsBefore), committed, spec);
    const shows = (served: Served) => served.skillId !== skillId || served.mastery !== before.mastery;
    const outcome = applied ? await pollUntil(url, courseId, student.authorization, shows, committed, spec, reads) : null;
    if (measured) tally.settle(outcome && { delayMs: outcome.delayMs, firstRead: false });
  }
  return tally.figures();
}

/** Runs `check` every `pollMs` until it holds (true) or `timeoutMs` after `since` (false). */
async function waitFor(check: () => Promise<boolean>, since: number, spec: FreshnessSpec): Promise<boolean> {
  for (;;) {
    const started = performance.now();
    if (await check()) return true;
    if (performance.now() - since > spec.timeoutMs) return false;
    const wait = spec.pollMs - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** The student's answers counted on `skillId`, from `GET /adaptive/mastery` of the course. */
async function attemptsOf(url: string, courseId: string, authorization: string, skillId: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/adaptive/mastery?courseId=${courseId}`, { headers: { authorization } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET mastery answered ${response.status}: ${body.slice(0, 300)}`);
  const mastery = JSON.parse(body) as { skills: Array<{ skill: { id: string }; attempts: number }> };
  return mastery.skills.find((entry) => entry.skill.id === skillId)?.attempts ?? 0;
}

/** Reads next until `shows` holds or the timeout passes; the delay is from `since` (performance.now()) to the showing reply. */
async function pollUntil(url: string, courseId: string, authorization: string, shows: (served: Served) => boolean, since: number,
  spec: FreshnessSpec, reads: number[]): Promise<{ delayMs: number; firstRead: boolean } | null> {
  for (let attempt = 0; ; attempt++) {
    const started = performance.now();
    const served = await readNext(url, courseId, authorization, reads);
    if (shows(served)) return { delayMs: performance.now() - since, firstRead: attempt === 0 };
    if (performance.now() - since > spec.timeoutMs) return null;
    const wait = spec.pollMs - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

async function readNext(url: string, courseId: string, authorization: string, reads: number[]): Promise<Served> {
  const started = performance.now();
  const response = await fetch(`${url}${nextPath(courseId)}`, { headers: { authorization } });
  const body = await response.text();
  reads.push(performance.now() - started);
  if (response.status !== 200) throw new Error(`GET next answered ${response.status}: ${body.slice(0, 300)}`);
  const next = JSON.parse(body) as { item: { id?: string; type?: string } | null; skill: { id: string } | null; mastery: number | null };
  return { itemId: next.item?.id ?? null, itemType: next.item?.type ?? null, skillId: next.skill?.id ?? null, mastery: next.mastery };
}

async function answer(url: string, courseId: string, authorization: string, itemId: string, response: unknown): Promise<{ mastery: MasteryChange[] }> {
  const result = await fetch(`${url}/api/v1/adaptive/practice/answers`, {
    method: 'POST',
    // The web client sends an idempotency key with every answer, so the bench does too.
    headers: { authorization, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ itemId, courseId, response }),
  });
  const body = await result.text();
  if (result.status !== 200) throw new Error(`POST practice/answers answered ${result.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as { mastery: MasteryChange[] };
}

class Tally {
  readonly answers: number[] = [];
  readonly reads: number[] = [];
  private readonly delays: number[] = [];
  private samples = 0;
  private firstRead = 0;
  private notReflected = 0;
  unmoved = 0;

  settle(outcome: { delayMs: number; firstRead: boolean } | null): void {
    this.samples += 1;
    if (outcome === null) return void (this.notReflected += 1);
    this.delays.push(outcome.delayMs);
    if (outcome.firstRead) this.firstRead += 1;
  }

  figures(): FreshnessFigures {
    const orNull = (values: number[]) => (values.length === 0 ? null : summarize(values));
    return {
      samples: this.samples + this.unmoved, reflected: this.delays.length, notReflected: this.notReflected, unmoved: this.unmoved, firstRead: this.firstRead,
      delayMs: orNull(this.delays), answerMs: orNull(this.answers), readMs: orNull(this.reads),
    };
  }
}
