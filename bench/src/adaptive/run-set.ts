/** One backend set of the adaptive bench: seed a child, load `next`, then measure both freshness paths. */
import { ExamChild } from '../exam-day/rpc.js';
import type { BackendSet } from '../kernel/backends.js';
import { loadAverage } from '../lib/machine.js';
import type { SeedResult } from './adaptive-child.js';
import type { GradedEmitted, GradedRequest } from './exam-events.js';
import { measureExamFreshness, measurePracticeFreshness, type FreshnessFigures, type FreshnessSpec, type Student } from './freshness.js';
import { measureNext, type NextLoadFigures, type NextLoadSpec } from './next-load.js';
import type { SeedSpec } from './seed.js';

export interface AdaptivePlan {
  seed: SeedSpec;
  next: NextLoadSpec;
  practice: FreshnessSpec;
  exam: FreshnessSpec;
  seedTimeoutMs: number;
}

export interface SetResult {
  backends: string;
  seed: SeedResult['figures'];
  next: NextLoadFigures;
  practice: FreshnessFigures;
  exam: FreshnessFigures;
  /** 1-minute load average when the measured phases began. */
  loadAverage: number;
}

const READY_TIMEOUT_MS = 120_000;
const CALL_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 120_000;

export async function measureSet(set: BackendSet, plan: AdaptivePlan, log: (line: string) => void): Promise<SetResult> {
  const child = ExamChild.start('../adaptive/adaptive-child.ts', {}, set.env, `adaptive (${set.name})`);
  try {
    const { url, backends } = await child.ready(READY_TIMEOUT_MS);
    const seeded = await child.call<SeedResult>('seed', plan.seed, plan.seedTimeoutMs);
    const students = studentsOf(seeded);
    const loadAverageAtStart = loadAverage()[0] ?? 0;
    const next = await measureNext(url, seeded.courseId, seeded.authorizations, plan.next);
    log(`${backends}: next ${Math.round(next.requestsPerSecond)}/s over ${plan.next.connections} connections, p50 ${next.latencyMs.p50.toFixed(2)} ms, `
      + `p99 ${next.latencyMs.p99.toFixed(2)} ms; paced ${next.paced.rate}/s p99 ${ms(next.paced.latencyMs?.p99)}; one connection p50 ${next.single.latencyMs.p50.toFixed(2)} ms, `
      + `p99 ${next.single.latencyMs.p99.toFixed(2)} ms`);
    // Separate students for each path: every sample starts from a student no sample has touched.
    const practiceCount = plan.practice.warmup + plan.practice.samples;
    const practice = await measurePracticeFreshness(url, seeded.courseId, students.slice(0, practiceCount), plan.practice);
    log(`${backends}: practice answer → changed next p50 ${ms(practice.delayMs?.p50)}, p99 ${ms(practice.delayMs?.p99)}; first read ${practice.firstRead}/${practice.reflected}; answer p99 ${ms(practice.answerMs?.p99)}`);
    const emit = (request: GradedRequest) => child.call<GradedEmitted>('graded', request, CALL_TIMEOUT_MS);
    const exam = await measureExamFreshness(url, seeded.courseId, students.slice(practiceCount), plan.exam, emit);
    log(`${backends}: exam graded → changed next p50 ${ms(exam.delayMs?.p50)}, p99 ${ms(exam.delayMs?.p99)}; not reflected ${exam.notReflected}`);
    await child.stop(STOP_TIMEOUT_MS);
    return { backends, seed: seeded.figures, next, practice, exam, loadAverage: loadAverageAtStart };
  } catch (error) {
    await child.stop(STOP_TIMEOUT_MS).catch(() => undefined);
    throw error;
  }
}

/** The seeded students in a fixed shuffled order (every tenth, so samples spread over the seeding order). */
function studentsOf(seeded: SeedResult): Student[] {
  const all = seeded.userIds.map((userId, index): Student => ({ userId, authorization: seeded.authorizations[index] as string }));
  const stride = 10;
  return Array.from({ length: stride }, (_, offset) => all.filter((_, index) => index % stride === offset)).flat();
}

function ms(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${value.toFixed(1)} ms`;
}
