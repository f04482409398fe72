import type { Tx } from '@tessera/platform';
import type { StoredCard } from '../domain/review-schedule.js';
import type { AdaptiveDatabase, ResponsesTable } from './adaptive.table.js';

type Db = Tx<AdaptiveDatabase>;

export interface NewResponse {
  id: string;
  userId: string;
  itemId: string;
  courseId: string | null;
  skills: string[];
  correct: boolean;
  source: ResponsesTable['source'];
  sourceRef: string;
  wasReview: boolean;
  answeredAt: Date;
}

/** Records a graded answer once: false when its source (a practice answer, an exam item) was recorded before. */
export async function insertResponse(tx: Db, tenantId: string, response: NewResponse): Promise<boolean> {
  const inserted = await tx.insertInto('adaptive.responses').values({
    tenant_id: tenantId, id: response.id, user_id: response.userId, item_id: response.itemId, course_id: response.courseId, skills: response.skills,
    correct: response.correct, source: response.source, source_ref: response.sourceRef, was_review: response.wasReview, answered_at: response.answeredAt,
  }).onConflict((oc) => oc.columns(['tenant_id', 'source_ref']).doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export async function responseIdOf(tx: Db, tenantId: string, sourceRef: string): Promise<string | undefined> {
  const row = await tx.selectFrom('adaptive.responses').select('id').where('tenant_id', '=', tenantId).where('source_ref', '=', sourceRef).executeTakeFirst();
  return row?.id;
}

export interface Ability {
  theta: number;
  se: number;
  responses: number;
}

/**
 * The student's ability row, created at the prior and locked: every update of one student's models takes
 * this lock first, so two answers at once are applied one after the other, never from the same old state.
 */
export async function lockLearner(tx: Db, tenantId: string, userId: string, prior: { theta: number; se: number }): Promise<Ability> {
  await tx.insertInto('adaptive.abilities').values({ tenant_id: tenantId, user_id: userId, theta: prior.theta, se: prior.se, responses: 0 })
    .onConflict((oc) => oc.doNothing()).execute();
  const row = await tx.selectFrom('adaptive.abilities').select(['theta', 'se', 'responses'])
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).forUpdate().executeTakeFirstOrThrow();
  return row;
}

export async function abilityOf(tx: Db, tenantId: string, userId: string): Promise<Ability | undefined> {
  return tx.selectFrom('adaptive.abilities').select(['theta', 'se', 'responses']).where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
}

export async function saveAbility(tx: Db, tenantId: string, userId: string, ability: Ability): Promise<void> {
  await tx.updateTable('adaptive.abilities').set({ theta: ability.theta, se: ability.se, responses: ability.responses, updated_at: new Date() })
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

export interface MasteryRow {
  skillId: string;
  pKnown: number;
  attempts: number;
  successes: number;
  lastAnsweredAt: Date | null;
}

/** The student's mastery rows, of every skill or of the skills named. */
export async function masteryOf(tx: Db, tenantId: string, userId: string, skills?: readonly string[]): Promise<MasteryRow[]> {
  if (skills && skills.length === 0) return [];
  let query = tx.selectFrom('adaptive.mastery').select(['skill_id', 'p_known', 'attempts', 'successes', 'last_answered_at'])
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId);
  if (skills) query = query.where('skill_id', 'in', skills);
  const rows = await query.execute();
  return rows.map((row) => ({ skillId: row.skill_id, pKnown: row.p_known, attempts: row.attempts, successes: row.successes, lastAnsweredAt: row.last_answered_at }));
}

export async function saveMastery(tx: Db, tenantId: string, userId: string, row: MasteryRow): Promise<void> {
  await tx.insertInto('adaptive.mastery').values({
    tenant_id: tenantId, user_id: userId, skill_id: row.skillId, p_known: row.pKnown, attempts: row.attempts, successes: row.successes,
    last_answered_at: row.lastAnsweredAt, updated_at: new Date(),
  }).onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'skill_id']).doUpdateSet({
    p_known: row.pKnown, attempts: row.attempts, successes: row.successes, last_answered_at: row.lastAnsweredAt, updated_at: new Date(),
  })).execute();
}

export interface ReviewCardRow {
  skillId: string;
  scheduler: 'fsrs' | 'sm2';
  card: StoredCard;
  dueAt: Date;
  lastReviewAt: Date | null;
}

export async function reviewCardsOf(tx: Db, tenantId: string, userId: string, skills?: readonly string[]): Promise<ReviewCardRow[]> {
  if (skills && skills.length === 0) return [];
  let query = tx.selectFrom('adaptive.review_cards').select(['skill_id', 'scheduler', 'card', 'due_at', 'last_review_at'])
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId);
  if (skills) query = query.where('skill_id', 'in', skills);
  const rows = await query.orderBy('due_at').execute();
  return rows.map((row) => ({ skillId: row.skill_id, scheduler: row.scheduler, card: row.card as StoredCard, dueAt: row.due_at, lastReviewAt: row.last_review_at }));
}

export async function saveReviewCard(tx: Db, tenantId: string, userId: string, card: ReviewCardRow): Promise<void> {
  const values = { scheduler: card.scheduler, card: JSON.stringify(card.card), due_at: card.dueAt, last_review_at: card.lastReviewAt };
  await tx.insertInto('adaptive.review_cards').values({ tenant_id: tenantId, user_id: userId, skill_id: card.skillId, ...values, reviews: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'skill_id']).doUpdateSet((eb) => ({ ...values, reviews: eb('adaptive.review_cards.reviews', '+', 1) })))
    .execute();
}

export async function logReview(tx: Db, tenantId: string, entry: { userId: string; skillId: string; responseId: string; rating: number; elapsedDays: number; reviewedAt: Date }): Promise<void> {
  await tx.insertInto('adaptive.review_log').values({
    tenant_id: tenantId, user_id: entry.userId, skill_id: entry.skillId, response_id: entry.responseId, rating: entry.rating,
    elapsed_days: entry.elapsedDays, reviewed_at: entry.reviewedAt,
  }).onConflict((oc) => oc.doNothing()).execute();
}

export async function schedulerOf(tx: Db, tenantId: string, userId: string): Promise<'fsrs' | 'sm2'> {
  const row = await tx.selectFrom('adaptive.learner_settings').select('scheduler').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
  return row?.scheduler ?? 'fsrs';
}

export async function saveScheduler(tx: Db, tenantId: string, userId: string, scheduler: 'fsrs' | 'sm2'): Promise<void> {
  await tx.insertInto('adaptive.learner_settings').values({ tenant_id: tenantId, user_id: userId, scheduler })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ scheduler })).execute();
}

/** The student's latest answers, newest first: the items (for no immediate repeats) and whether each was a review. */
export async function recentResponses(tx: Db, tenantId: string, userId: string, limit: number): Promise<Array<{ itemId: string; wasReview: boolean }>> {
  const rows = await tx.selectFrom('adaptive.responses').select(['item_id', 'was_review'])
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('answered_at', 'desc').limit(limit).execute();
  return rows.map((row) => ({ itemId: row.item_id, wasReview: row.was_review }));
}

/** Records that an item was used and how much the student learnt from it (the bandit's reward). */
export async function recordItemUse(tx: Db, tenantId: string, itemId: string, use: { source: ResponsesTable['source']; gain: number }): Promise<void> {
  await tx.updateTable('adaptive.items').set((eb) => ({
    practice_uses: use.source === 'exam' ? eb.ref('practice_uses') : eb('practice_uses', '+', 1),
    exam_uses: use.source === 'exam' ? eb('exam_uses', '+', 1) : eb.ref('exam_uses'),
    gain_sum: use.source === 'practice' ? eb('gain_sum', '+', use.gain) : eb.ref('gain_sum'),
    gain_n: use.source === 'practice' ? eb('gain_n', '+', 1) : eb.ref('gain_n'),
  })).where('tenant_id', '=', tenantId).where('item_id', '=', itemId).execute();
}
