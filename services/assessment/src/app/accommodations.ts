import type { Accommodation } from '../contract/exams.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { listAccommodations, saveAccommodation } from '../db/accommodation.repository.js';
import { attemptsOf, setDeadline, type AttemptRecord } from '../db/attempt.repository.js';
import { findExam } from '../db/exam.repository.js';
import { deadlineOf } from '../domain/deadline.js';
import { refreshGate } from './attempt-gate.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentErrors } from './errors.js';
import { examVersion } from './exam-versions.js';

/**
 * Sets a student's accommodation for an exam. An attempt already running gets its deadline moved at once
 * (extra time granted mid-exam counts), in the database and in the hot path's gate.
 */
export async function setAccommodation(deps: Pick<AssessmentDeps, 'db' | 'cache'>, tenantId: string, examId: string, accommodation: Accommodation): Promise<Accommodation> {
  const running = await deps.db.withTenant<AssessmentDatabase, AttemptRecord[]>(tenantId, async (tx) => {
    if (!await findExam(tx, tenantId, examId)) throw assessmentErrors.examNotFound(examId);
    await saveAccommodation(tx, tenantId, examId, accommodation);
    const moved: AttemptRecord[] = [];
    for (const attempt of await attemptsOf(tx, tenantId, examId, accommodation.userId)) {
      if (attempt.status !== 'in_progress') continue;
      const exam = await examVersion(deps, tenantId, examId, attempt.examVersion, tx);
      if (!exam) continue;
      const deadline = deadlineOf(exam.settings, attempt.startedAt, accommodation);
      await setDeadline(tx, tenantId, attempt.id, deadline);
      moved.push({ ...attempt, deadlineAt: deadline });
    }
    return moved;
  });
  for (const attempt of running) await refreshGate(deps, attempt);
  return accommodation;
}

export async function accommodationsOf(deps: Pick<AssessmentDeps, 'db'>, tenantId: string, examId: string): Promise<Accommodation[]> {
  return deps.db.withTenant<AssessmentDatabase, Accommodation[]>(tenantId, async (tx) => {
    if (!await findExam(tx, tenantId, examId)) throw assessmentErrors.examNotFound(examId);
    return listAccommodations(tx, tenantId, examId);
  });
}
