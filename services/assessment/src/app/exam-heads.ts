import type { AssessmentDatabase } from '../db/assessment.table.js';
import { findExam } from '../db/exam.repository.js';
import type { AssessmentDeps } from './deps.js';

/** What starting an attempt needs of the exam itself: which version students take, of which course, and whether it is archived. */
export interface ExamHead {
  examId: string;
  courseId: string;
  status: 'draft' | 'published' | 'archived';
  publishedVersion: number | null;
}

// Replaced right after a publish or archive commits; the lifetime bounds what a crash in between leaves.
const HEAD_TTL_MS = 60_000;

function headKey(tenantId: string, examId: string): string {
  return `assessment:exam-head:${tenantId}:${examId}`;
}

/** The exam's head from the cache, or the database (undefined when the tenant has no such exam). */
export async function examHead(deps: Pick<AssessmentDeps, 'db' | 'cache'>, tenantId: string, examId: string): Promise<ExamHead | undefined> {
  const cached = await deps.cache.get<ExamHead | { missing: true }>(headKey(tenantId, examId));
  if (cached) return 'missing' in cached ? undefined : cached;
  const exam = await deps.db.withTenant<AssessmentDatabase, ExamHead | undefined>(tenantId, async (tx) => {
    const found = await findExam(tx, tenantId, examId);
    return found && { examId, courseId: found.courseId, status: found.status, publishedVersion: found.publishedVersion };
  });
  if (exam) await deps.cache.set(headKey(tenantId, examId), exam, HEAD_TTL_MS);
  return exam;
}

export async function cacheExamHead(deps: Pick<AssessmentDeps, 'cache'>, tenantId: string, head: ExamHead): Promise<void> {
  await deps.cache.set(headKey(tenantId, head.examId), head, HEAD_TTL_MS);
}
