import type { ServiceContext, ServiceJob } from '@tessera/platform';
import { AssessmentEvents, type SubmittedData } from '../contract/events.js';
import type { ExamSettings } from '../contract/exams.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { findAttempt, overdueAttempts } from '../db/attempt.repository.js';
import { submissionIdOf } from '../domain/submission-id.js';
import type { AssessmentDeps } from './deps.js';
import { examVersion } from './exam-versions.js';
import { newEvent } from './events.js';

/** How often relay processes submit attempts whose time ran out. */
export const DEADLINE_EVERY_MS = 10_000;
/** Autosaves accepted just before the deadline may still be in the queue: they get this long to be applied first. */
const SETTLE_MS = 30_000;
const MAX_PER_RUN = 1_000;

export function deadlineJob(deps: AssessmentDeps & Pick<ServiceContext, 'tenantDatabases'>): ServiceJob {
  return { name: 'assessment.auto-submit', everyMs: DEADLINE_EVERY_MS, run: async () => { await submitOverdue(deps); } };
}

/**
 * Submits, as the student would have, every attempt whose deadline (with grace, and the late window when
 * the exam takes late work) passed: with the answers saved so far, as the attempt's own submission id, so a
 * submit by the student in the meantime and this one are the same submission. Returns how many were sent.
 */
export async function submitOverdue(deps: AssessmentDeps & Pick<ServiceContext, 'tenantDatabases'>, now = new Date()): Promise<number> {
  const databases = [deps.db, ...await deps.tenantDatabases.openAll()];
  let sent = 0;
  for (const database of databases) {
    const due = await database.withSystem<AssessmentDatabase, Awaited<ReturnType<typeof overdueAttempts>>>((tx) => overdueAttempts(tx, new Date(now.getTime() - SETTLE_MS), MAX_PER_RUN));
    for (const candidate of due) if (await autoSubmit(deps, candidate.tenant_id, candidate.id, now)) sent += 1;
  }
  return sent;
}

async function autoSubmit(deps: AssessmentDeps, tenantId: string, attemptId: string, now: Date): Promise<boolean> {
  const attempt = await deps.db.withTenant<AssessmentDatabase, Awaited<ReturnType<typeof findAttempt>>>(tenantId, (tx) => findAttempt(tx, tenantId, attemptId));
  if (!attempt?.deadlineAt || attempt.status !== 'in_progress') return false;
  const exam = await examVersion(deps, tenantId, attempt.examId, attempt.examVersion);
  if (!exam || now.getTime() < closingOf(exam.settings, attempt.deadlineAt) + SETTLE_MS) return false;
  const submissionId = submissionIdOf(attempt.id);
  const data: SubmittedData = {
    submissionId, attemptId: attempt.id, userId: attempt.userId, answers: [], lastSeq: null, submittedAt: attempt.deadlineAt.toISOString(),
    late: false, penaltyPercent: 0, auto: true,
  };
  await deps.bus.publish([newEvent(tenantId, AssessmentEvents.submitted, attempt.id, data, submissionId, now)]);
  return true;
}

/** When the attempt stops taking work: the deadline plus grace, or the end of the late window. */
function closingOf(settings: ExamSettings, deadline: Date): number {
  const grace = deadline.getTime() + settings.gracePeriodSeconds * 1_000;
  return settings.latePolicy.mode === 'accept' ? Math.max(grace, deadline.getTime() + settings.latePolicy.untilMinutes * 60_000) : grace;
}
