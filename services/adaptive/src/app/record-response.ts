import { randomUUID } from 'node:crypto';
import type { Tx } from '@tessera/platform';
import { AdaptiveEvents, type MasteryUpdatedData } from '../contract/events.js';
import type { AdaptiveDatabase, ResponsesTable } from '../db/adaptive.table.js';
import {
  insertResponse, lockLearner, logReview, masteryOf, recordItemUse, responseIdOf, reviewCardsOf, saveAbility, saveMastery, saveReviewCard, schedulerOf,
} from '../db/learner.repository.js';
import { findItem, type PoolItem } from '../db/model.repository.js';
import { ABILITY_PRIOR, bktUpdate, updateAbility } from '../domain/learner-math.js';
import { itemParameters } from '../domain/predictor.js';
import { scheduleReview } from '../domain/review-schedule.js';
import { DEFAULT_SELECTION } from '../domain/selection.js';
import type { AdaptiveDeps } from './deps.js';
import type { TenantModels } from './model-cache.js';

/** A graded answer from practice, an exam or an adaptive test. */
export interface GradedAnswer {
  userId: string;
  itemId: string;
  courseId: string | null;
  correct: boolean;
  source: ResponsesTable['source'];
  /** Unique per answer at its source: a repeat of the same answer (a duplicated event, a retried request) is ignored. */
  sourceRef: string;
  answeredAt: Date;
  /** The course's mastery threshold when known (reviews are planned for mastered skills). */
  masteryThreshold?: number;
}

export interface SkillChange {
  skillId: string;
  before: number;
  after: number;
  mastered: boolean;
}

export interface RecordedResponse {
  responseId: string;
  /** True when this answer had been recorded before: nothing moved. */
  duplicate: boolean;
  changes: SkillChange[];
  reviews: Array<{ skillId: string; dueAt: Date }>;
}

/**
 * Applies one graded answer to every learner model at once, in one transaction: BKT mastery of each skill of
 * the item, the IRT ability, spaced-review schedules of mastered skills, the item's use and observed learning
 * gain; emits `adaptive.mastery.updated`. The student's row lock orders concurrent answers; the unique source
 * reference makes repeats no-ops. Returns null when the item is unknown (nothing to learn from).
 */
export async function recordResponse(deps: AdaptiveDeps, tenantId: string, answer: GradedAnswer, inTx?: Tx<AdaptiveDatabase>): Promise<RecordedResponse | null> {
  const models = await deps.models.of(tenantId);
  const work = (tx: Tx<AdaptiveDatabase>) => applyAnswer(deps, tx, tenantId, models, answer);
  const recorded = inTx ? await work(inTx) : await deps.db.withTenant<AdaptiveDatabase, RecordedResponse | null>(tenantId, work);
  if (recorded && !recorded.duplicate) {
    // Open screens of the student refresh their recommendation; nothing depends on this arriving.
    deps.live.publish(learnerTopic(tenantId, answer.userId), { type: 'mastery', responseId: recorded.responseId })
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'live mastery push failed'));
  }
  return recorded;
}

/** The live topic of one student's learner model. */
export function learnerTopic(tenantId: string, userId: string): string {
  return `adaptive.${tenantId}.${userId}`;
}

async function applyAnswer(deps: AdaptiveDeps, tx: Tx<AdaptiveDatabase>, tenantId: string, models: TenantModels, answer: GradedAnswer): Promise<RecordedResponse | null> {
  const item = models.items.get(answer.itemId) ?? await freshItem(tx, tenantId, answer.itemId);
  if (!item) return null;
  const ability = await lockLearner(tx, tenantId, answer.userId, ABILITY_PRIOR);
  const cards = await reviewCardsOf(tx, tenantId, answer.userId, item.skills);
  const wasReview = cards.some((card) => card.dueAt <= answer.answeredAt);
  const responseId = randomUUID();
  const inserted = await insertResponse(tx, tenantId, {
    id: responseId, userId: answer.userId, itemId: item.itemId, courseId: answer.courseId, skills: item.skills, correct: answer.correct,
    source: answer.source, sourceRef: answer.sourceRef, wasReview, answeredAt: answer.answeredAt,
  });
  if (!inserted) {
    return { responseId: (await responseIdOf(tx, tenantId, answer.sourceRef)) ?? responseId, duplicate: true, changes: [], reviews: [] };
  }
  const changes = await updateMastery(tx, tenantId, models, item, answer);
  await saveAbility(tx, tenantId, answer.userId, { ...updateAbility(ability, itemParameters(item), answer.correct), responses: ability.responses + 1 });
  const reviews = await scheduleReviews(tx, tenantId, models, answer, responseId, changes, cards);
  const gain = changes.length === 0 ? 0 : changes.reduce((sum, change) => sum + (change.after - change.before), 0) / changes.length;
  await recordItemUse(tx, tenantId, item.itemId, { source: answer.source, gain });
  const data: MasteryUpdatedData = {
    userId: answer.userId, responseId, source: answer.source, itemId: item.itemId, correct: answer.correct, skills: changes,
    answeredAt: answer.answeredAt.toISOString(),
  };
  await deps.outbox.emit(tx, tenantId, [{ name: AdaptiveEvents.masteryUpdated, subject: answer.userId, data }]);
  return { responseId, duplicate: false, changes, reviews };
}

async function updateMastery(tx: Tx<AdaptiveDatabase>, tenantId: string, models: TenantModels, item: PoolItem, answer: GradedAnswer): Promise<SkillChange[]> {
  const rows = new Map((await masteryOf(tx, tenantId, answer.userId, item.skills)).map((row) => [row.skillId, row]));
  const threshold = answer.masteryThreshold ?? DEFAULT_SELECTION.masteryThreshold;
  const changes: SkillChange[] = [];
  for (const skillId of item.skills) {
    const params = models.paramsOf(skillId);
    const row = rows.get(skillId);
    const before = row?.pKnown ?? params.prior;
    const after = bktUpdate(params, before, answer.correct);
    await saveMastery(tx, tenantId, answer.userId, {
      skillId, pKnown: after, attempts: (row?.attempts ?? 0) + 1, successes: (row?.successes ?? 0) + (answer.correct ? 1 : 0), lastAnsweredAt: answer.answeredAt,
    });
    changes.push({ skillId, before, after, mastered: after >= threshold });
  }
  return changes;
}

/**
 * Plans the next review of each skill that is mastered or already under review: spaced repetition keeps what
 * was learnt; while a skill is being learnt, BKT-driven practice decides instead.
 */
async function scheduleReviews(
  tx: Tx<AdaptiveDatabase>, tenantId: string, models: TenantModels, answer: GradedAnswer, responseId: string, changes: SkillChange[],
  cards: Awaited<ReturnType<typeof reviewCardsOf>>,
): Promise<Array<{ skillId: string; dueAt: Date }>> {
  const scheduler = await schedulerOf(tx, tenantId, answer.userId);
  const reviews: Array<{ skillId: string; dueAt: Date }> = [];
  for (const change of changes) {
    const existing = cards.find((card) => card.skillId === change.skillId);
    if (!existing && !change.mastered) continue;
    const previous = existing && existing.card.kind === scheduler ? existing.card : null;
    const outcome = scheduleReview(scheduler, previous, answer.correct, answer.answeredAt, existing?.lastReviewAt ?? null, models.fsrsWeights);
    await saveReviewCard(tx, tenantId, answer.userId, { skillId: change.skillId, scheduler, card: outcome.card, dueAt: outcome.dueAt, lastReviewAt: answer.answeredAt });
    await logReview(tx, tenantId, { userId: answer.userId, skillId: change.skillId, responseId, rating: outcome.rating, elapsedDays: outcome.elapsedDays, reviewedAt: answer.answeredAt });
    reviews.push({ skillId: change.skillId, dueAt: outcome.dueAt });
  }
  return reviews;
}

/** An item published since the cache was loaded. */
async function freshItem(tx: Tx<AdaptiveDatabase>, tenantId: string, itemId: string): Promise<PoolItem | undefined> {
  const row = await findItem(tx, tenantId, itemId);
  return row && {
    itemId: row.item_id, version: row.version, type: row.type, skills: row.skills, courseId: row.course_id, difficulty: row.difficulty,
    authorA: row.author_a, authorB: row.author_b, calibratedA: row.calibrated_a, calibratedB: row.calibrated_b,
    uses: row.practice_uses, examUses: row.exam_uses, gainSum: row.gain_sum, gainCount: row.gain_n,
  };
}
