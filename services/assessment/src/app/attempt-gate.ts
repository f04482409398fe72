import { LRUCache } from 'lru-cache';
import type { ExamSettings } from '../contract/exams.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { findAttempt, type AttemptRecord } from '../db/attempt.repository.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentErrors } from './errors.js';
import { examVersion } from './exam-versions.js';

/**
 * What the exam-day hot path (autosave, submit) needs to know of an attempt, from the shared cache: whose it
 * is, its deadline and late rules, the item type of each slot (to refuse answers of the wrong type), and
 * whether it was submitted. One cache read instead of database queries per request.
 */
export interface AttemptGate {
  attemptId: string;
  tenantId: string;
  userId: string;
  examId: string;
  deadlineAt: string | null;
  gracePeriodSeconds: number;
  latePolicy: ExamSettings['latePolicy'];
  slotTypes: Record<string, string>;
  submitted: boolean;
  /** Adaptive attempts take their answers one at a time, not by autosave. */
  adaptive?: boolean;
}

const GATE_TTL_MS = 24 * 60 * 60_000;

/**
 * This process's copy of the gates it wrote or read, in front of the shared cache: a submit then costs no
 * cache round trip. A copy can be behind another process's change in two ways, both harmless where it is
 * used: `submitted` still false (the submit is queued again under the same submission id, which the queue and
 * the worker drop) and an older deadline (a submit it would refuse is checked again against the shared gate).
 */
const local = new LRUCache<string, AttemptGate>({ max: 100_000, ttl: 10 * 60_000 });

export interface GateRead {
  /** Skip this process's copy: for reads that must see another process's change of `submitted`. */
  fresh?: boolean;
}

function gateKey(tenantId: string, attemptId: string): string {
  return `assessment:attempt:${tenantId}:${attemptId}`;
}

/** The gate of an attempt of the tenant (404 when the tenant has no such attempt). */
export async function attemptGate(deps: Pick<AssessmentDeps, 'db' | 'cache'>, tenantId: string, attemptId: string, read: GateRead = {}): Promise<AttemptGate> {
  const key = gateKey(tenantId, attemptId);
  const copy = read.fresh ? undefined : local.get(key);
  if (copy) return copy;
  const cached = await deps.cache.get<AttemptGate>(key);
  if (cached) {
    local.set(key, cached);
    return cached;
  }
  const attempt = await deps.db.withTenant<AssessmentDatabase, AttemptRecord | undefined>(tenantId, (tx) => findAttempt(tx, tenantId, attemptId));
  if (!attempt) throw assessmentErrors.attemptNotFound(attemptId);
  return storeGate(deps, await gateOf(deps, attempt));
}

/** The gate of an attempt just written (start) or changed (deadline, submission): stored for the hot path. */
export async function refreshGate(deps: Pick<AssessmentDeps, 'db' | 'cache'>, attempt: AttemptRecord): Promise<AttemptGate> {
  return storeGate(deps, await gateOf(deps, attempt));
}

/**
 * Marks the attempt submitted in the gate: later autosaves are refused without touching the database. The
 * submission is already queued, so the submit does not wait for the shared cache: should the write fail, a
 * later autosave is accepted and then ignored by the worker, and a second submit names the same submission.
 */
export function closeGate(deps: Pick<AssessmentDeps, 'cache' | 'logger'>, gate: AttemptGate): void {
  if (gate.submitted) return;
  const closed = { ...gate, submitted: true };
  const key = gateKey(gate.tenantId, gate.attemptId);
  local.set(key, closed);
  deps.cache.set(key, closed, GATE_TTL_MS).catch((error: unknown) => deps.logger.warn({ err: error, attemptId: gate.attemptId }, 'could not mark the attempt submitted in the cache'));
}

/** Drops the gate from this process's copy and the shared cache: the next read goes to the database. */
export async function forgetGate(deps: Pick<AssessmentDeps, 'cache'>, tenantId: string, attemptId: string): Promise<void> {
  const key = gateKey(tenantId, attemptId);
  local.delete(key);
  await deps.cache.delete(key);
}

async function storeGate(deps: Pick<AssessmentDeps, 'cache'>, gate: AttemptGate): Promise<AttemptGate> {
  const key = gateKey(gate.tenantId, gate.attemptId);
  local.set(key, gate);
  await deps.cache.set(key, gate, GATE_TTL_MS);
  return gate;
}

async function gateOf(deps: Pick<AssessmentDeps, 'db' | 'cache'>, attempt: AttemptRecord): Promise<AttemptGate> {
  const exam = await examVersion(deps, attempt.tenantId, attempt.examId, attempt.examVersion);
  if (!exam) throw new Error(`Attempt ${attempt.id} names exam version ${attempt.examId}@${attempt.examVersion}, which does not exist`);
  return {
    attemptId: attempt.id, tenantId: attempt.tenantId, userId: attempt.userId, examId: attempt.examId,
    deadlineAt: attempt.deadlineAt?.toISOString() ?? null, gracePeriodSeconds: exam.settings.gracePeriodSeconds, latePolicy: exam.settings.latePolicy,
    slotTypes: Object.fromEntries(attempt.slots.map((slot) => [slot.slot, slot.type])), submitted: attempt.status !== 'in_progress',
    adaptive: attempt.adaptive !== null,
  };
}
