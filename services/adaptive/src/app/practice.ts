import { randomUUID } from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import { gradeItem, ItemResponse, type ItemOutcome } from '@tessera/assessment';
import type { ItemContent } from '@tessera/catalog/contract';
import type { Tx } from '@tessera/platform';
import type { PracticeAnswerBody, PracticeResult } from '../contract/schemas.js';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { findItem } from '../db/model.repository.js';
import { coursesOf, type CourseRow } from '../db/read-models.repository.js';
import type { AdaptiveDeps } from './deps.js';
import { adaptiveErrors } from './errors.js';
import { courseFor, type Viewer } from './goal.js';
import { isPracticeType, round } from './next-item.js';
import { recordResponse } from './record-response.js';

/** Practice is never negatively marked and an item is right only when wholly right (what mastery learns from). */
const PRACTICE_RULES = { partialCredit: 'all_or_nothing', negativeMarking: 0 } as const;

type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;

/**
 * `POST /adaptive/practice/answers`: grades the response with assessment's grading code and applies it to the
 * learner models at once, so the next `GET /adaptive/next` already reflects it. A student may practise the
 * items of courses they learn in; staff any item of the tenant.
 */
export async function answerPractice(deps: AdaptiveDeps, tenantId: string, viewer: Viewer, body: PracticeAnswerBody, now = new Date()): Promise<PracticeResult> {
  const { item, course } = await deps.db.withTenant<AdaptiveDatabase, { item: ItemRow; course: CourseRow | null }>(tenantId, async (tx) => {
    const item = await findItem(tx, tenantId, body.itemId);
    if (!item) throw adaptiveErrors.itemNotFound(body.itemId);
    return { item, course: await practiceCourse(tx, tenantId, viewer, item, body.courseId) };
  });
  if (!isPracticeType(item.type)) throw adaptiveErrors.notAutoGradable(item.item_id, item.type);
  const outcome = gradePractice(item, body.response);
  const recorded = await recordResponse(deps, tenantId, {
    userId: viewer.userId, itemId: item.item_id, courseId: course?.courseId ?? null, correct: outcome.correct, source: 'practice',
    sourceRef: `practice:${randomUUID()}`, answeredAt: now, ...(course ? { masteryThreshold: course.masteryThreshold } : {}),
  });
  if (!recorded) throw adaptiveErrors.itemNotFound(body.itemId);
  const models = await deps.models.of(tenantId);
  const skill = (id: string) => ({ id, name: models.graph.nameOf(id) });
  return {
    responseId: recorded.responseId, itemId: item.item_id, correct: outcome.correct, score: outcome.score, maxScore: outcome.maxScore,
    feedback: { correct: outcome.correct, fraction: outcome.fraction, messages: outcome.feedback },
    mastery: recorded.changes.map((change) => ({ skill: skill(change.skillId), before: round(change.before), after: round(change.after), mastered: change.mastered })),
    reviews: recorded.reviews.map((review) => ({ skill: skill(review.skillId), dueAt: review.dueAt.toISOString() })),
  };
}

/** Grades a practice (or adaptive test) response: 400 when it does not fit the item type's shape. */
export function gradePractice(item: ItemRow, response: unknown): Extract<ItemOutcome, { status: 'graded' }> {
  if (response !== null && !Value.Check(ItemResponse, response)) throw adaptiveErrors.badResponse(item.item_id, item.type);
  const outcome = gradeItem(item.content as ItemContent, response as ItemResponse | null, 1, PRACTICE_RULES);
  if (outcome.status !== 'graded') throw adaptiveErrors.notAutoGradable(item.item_id, item.type);
  return outcome;
}

/**
 * The course the answer counts for: the one named (which must teach the item), else the first course of the
 * student's that does. A student with no such course may not practise the item: it is "not found".
 */
async function practiceCourse(tx: Tx<AdaptiveDatabase>, tenantId: string, viewer: Viewer, item: ItemRow, courseId: string | undefined): Promise<CourseRow | null> {
  const teaches = (course: CourseRow) => course.courseId === item.course_id || item.skills.some((skill) => course.skills.includes(skill));
  if (courseId) {
    const course = await courseFor(tx, tenantId, viewer, courseId);
    if (!teaches(course)) throw adaptiveErrors.itemNotFound(item.item_id);
    return course;
  }
  const course = (await coursesOf(tx, tenantId, viewer.userId)).find(teaches) ?? null;
  if (!course && !viewer.staff) throw adaptiveErrors.itemNotFound(item.item_id);
  return course;
}
