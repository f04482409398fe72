import type { AssessmentDeps } from './deps.js';

/** The live topic of a student's results (every device of theirs listening gets each one). */
export function resultsTopic(tenantId: string, userId: string): string {
  return `results.${tenantId}.${userId}`;
}

/** What the push says: which submission changed and how it stands; the client reads the result (release rules apply there). */
export interface ResultNotice {
  submissionId: string;
  attemptId: string;
  examId: string;
  status: string;
}

/** Tells the student's open streams, in every API process, that a result is ready. Best effort: the result is stored already. */
export async function announceResult(deps: Pick<AssessmentDeps, 'live' | 'logger'>, result: { id: string; attemptId: string; examId: string; status: string; tenantId: string; userId: string }): Promise<void> {
  const notice: ResultNotice = { submissionId: result.id, attemptId: result.attemptId, examId: result.examId, status: result.status };
  await deps.live.publish(resultsTopic(result.tenantId, result.userId), notice).catch((error: unknown) =>
    deps.logger.warn({ err: error, submissionId: result.id }, 'could not announce a result live'));
}
