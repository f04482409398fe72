import { AdaptiveEvents, type RecommendationReadyData } from '../contract/events.js';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { findCourse, isEnrolled } from '../db/read-models.repository.js';
import { reasonText } from '../domain/reasons.js';
import type { AdaptiveDeps } from './deps.js';
import { chooseNext } from './next-item.js';
import { recordResponse } from './record-response.js';

export interface GradedExam {
  submissionId: string;
  courseId: string;
  userId: string;
  gradedAt: string;
  items: Array<{ itemId: string; correct: boolean | null }>;
}

/**
 * Applies a graded exam's items to the student's models, then, when anything moved and the student learns in
 * the course, announces the course's next recommendation (`adaptive.recommendation.ready`).
 */
export async function recommendAfterExam(deps: AdaptiveDeps, tenantId: string, exam: GradedExam): Promise<void> {
  const course = await deps.db.withTenant<AdaptiveDatabase, Awaited<ReturnType<typeof findCourse>>>(tenantId, (tx) => findCourse(tx, tenantId, exam.courseId));
  const answeredAt = new Date(exam.gradedAt);
  const responses: string[] = [];
  for (const item of exam.items) {
    if (item.correct === null) continue;
    const recorded = await recordResponse(deps, tenantId, {
      userId: exam.userId, itemId: item.itemId, courseId: exam.courseId, correct: item.correct, source: 'exam',
      sourceRef: `exam:${exam.submissionId}:${item.itemId}`, answeredAt, ...(course ? { masteryThreshold: course.masteryThreshold } : {}),
    });
    if (recorded && !recorded.duplicate) responses.push(recorded.responseId);
  }
  if (responses.length === 0 || !course) return;
  await announceRecommendation(deps, tenantId, exam.userId, exam.courseId, responses);
}

async function announceRecommendation(deps: AdaptiveDeps, tenantId: string, userId: string, courseId: string, responses: string[]): Promise<void> {
  const enrolled = await deps.db.withTenant<AdaptiveDatabase, boolean>(tenantId, (tx) => isEnrolled(tx, tenantId, courseId, userId));
  if (!enrolled) return;
  const { selection } = await chooseNext(deps, tenantId, { userId, staff: false }, { courseId });
  const models = await deps.models.of(tenantId);
  const data: RecommendationReadyData = {
    userId, courseId, itemId: selection?.itemId ?? null, skillId: selection?.skillId ?? null,
    reason: selection ? reasonText(selection.reason, models.graph.nameOf(selection.skillId), selection.forSkillId ? models.graph.nameOf(selection.forSkillId) : null) : 'Everything in this course is mastered',
    predictedSuccess: selection?.pCorrect ?? null,
    basedOnResponses: responses,
  };
  await deps.db.withTenant<AdaptiveDatabase, void>(tenantId, async (tx) => {
    await deps.outbox.emit(tx, tenantId, [{ name: AdaptiveEvents.recommendationReady, subject: userId, data }]);
  });
}
