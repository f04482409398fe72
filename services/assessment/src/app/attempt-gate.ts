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
}

const GATE_TTL_MS = 24 * 60 * 60_000;

function gateKey(tenantId: string, attemptId: string): string {
  return `assessment:attempt:${tenantId}:${attemptId}`;
}

/** The gate of an attempt of the tenant (404 when the tenant has no such attempt). */
export async function attemptGate(deps: Pick<AssessmentDeps, 'db' | 'cache'>, tenantId: string, attemptId: string): Promise<AttemptGate> {
  const cached = await deps.cache.get<AttemptGate>(gateKey(tenantId, attemptId));
  if (cached) return cached;
  const attempt = await deps.db.withTenant<AssessmentDatabase, AttemptRecord | undefined>(tenantId, (tx) => findAttempt(tx, tenantId, attemptId));
  if (!attempt) throw assessmentErrors.attemptNotFound(attemptId);
  const gate = await gateOf(deps, attempt);
  await deps.cache.set(gateKey(tenantId, attemptId), gate, GATE_TTL_MS);
  return gate;
}

/** The gate of an attempt just written (start) or changed (deadline, submission): stored for the hot path. */
export async function refreshGate(deps: Pick<AssessmentDeps, 'db' | 'cache'>, attempt: AttemptRecord): Promise<AttemptGate> {
  const gate = await gateOf(deps, attempt);
  await deps.cache.set(gateKey(attempt.tenantId, attempt.id), gate, GATE_TTL_MS);
  return gate;
}

/** Marks the attempt submitted in the gate: later autosaves are refused without touching the database. */
export async function closeGate(deps: Pick<AssessmentDeps, 'cache'>, gate: AttemptGate): Promise<void> {
  if (gate.submitted) return;
  await deps.cache.set(gateKey(gate.tenantId, gate.attemptId), { ...gate, submitted: true }, GATE_TTL_MS);
}

async function gateOf(deps: Pick<AssessmentDeps, 'db' | 'cache'>, attempt: AttemptRecord): Promise<AttemptGate> {
  const exam = await examVersion(deps, attempt.tenantId, attempt.examId, attempt.examVersion);
  if (!exam) throw new Error(`Attempt ${attempt.id} names exam version ${attempt.examId}@${attempt.examVersion}, which does not exist`);
  return {
    attemptId: attempt.id, tenantId: attempt.tenantId, userId: attempt.userId, examId: attempt.examId,
    deadlineAt: attempt.deadlineAt?.toISOString() ?? null, gracePeriodSeconds: exam.settings.gracePeriodSeconds, latePolicy: exam.settings.latePolicy,
    slotTypes: Object.fromEntries(attempt.slots.map((slot) => [slot.slot, slot.type])), submitted: attempt.status !== 'in_progress',
  };
}
