import type { Tx } from '@tessera/platform';
import { sql } from 'kysely';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import type { Ability, MasteryRow, ReviewCardRow } from '../db/learner.repository.js';
import type { PoolItem } from '../db/model.repository.js';
import { ABILITY_PRIOR } from '../domain/learner-math.js';
import { itemParameters, predict, type Prediction, type PredictorWeights } from '../domain/predictor.js';
import type { StoredCard } from '../domain/review-schedule.js';
import type { LearnerView } from '../domain/selection.js';
import type { TenantModels } from './model-cache.js';

/** What the models know of one student, read fresh (never cached: an answer must change the next choice at once). */
export interface LearnerSnapshot {
  mastery: Map<string, MasteryRow>;
  ability: Ability;
  cards: ReviewCardRow[];
  recent: Array<{ itemId: string; wasReview: boolean }>;
  /** Whether the student learns in the course asked about (null when no course was named). */
  enrolled: boolean | null;
}

const RECENT = 20;

interface SnapshotRow {
  mastery: Array<{ skillId: string; pKnown: number; attempts: number; successes: number; lastAnsweredAt: string | null }>;
  ability: { theta: number; se: number; responses: number } | null;
  cards: Array<{ skillId: string; scheduler: 'fsrs' | 'sm2'; card: StoredCard; dueAt: string; lastReviewAt: string | null }>;
  recent: Array<{ itemId: string; wasReview: boolean }>;
  enrolled: boolean | null;
}

/**
 * The student's mastery and review cards (of the skills named, or all), ability, latest answers and, when a
 * course is named, whether they learn in it — in one statement, since this runs on every `next`.
 */
export async function learnerSnapshot(tx: Tx<AdaptiveDatabase>, tenantId: string, userId: string, skills?: readonly string[], courseId?: string): Promise<LearnerSnapshot> {
  const all = skills === undefined;
  const skillList = `{${(skills ?? []).join(',')}}`;
  const result = await sql<SnapshotRow>`
    select
      (select coalesce(json_agg(json_build_object('skillId', skill_id, 'pKnown', p_known, 'attempts', attempts, 'successes', successes, 'lastAnsweredAt', last_answered_at)), '[]')
         from adaptive.mastery where tenant_id = ${tenantId} and user_id = ${userId} and (${all} or skill_id = any(${skillList}::uuid[]))) as mastery,
      (select json_build_object('theta', theta, 'se', se, 'responses', responses)
         from adaptive.abilities where tenant_id = ${tenantId} and user_id = ${userId}) as ability,
      (select coalesce(json_agg(json_build_object('skillId', skill_id, 'scheduler', scheduler, 'card', card, 'dueAt', due_at, 'lastReviewAt', last_review_at) order by due_at), '[]')
         from adaptive.review_cards where tenant_id = ${tenantId} and user_id = ${userId} and (${all} or skill_id = any(${skillList}::uuid[]))) as cards,
      (select coalesce(json_agg(json_build_object('itemId', item_id, 'wasReview', was_review) order by answered_at desc), '[]')
         from (select item_id, was_review, answered_at from adaptive.responses where tenant_id = ${tenantId} and user_id = ${userId}
               order by answered_at desc limit ${RECENT}) latest) as recent,
      case when ${courseId ?? null}::uuid is null then null else exists(
        select 1 from adaptive.enrollments where tenant_id = ${tenantId} and user_id = ${userId} and course_id = ${courseId ?? null}::uuid
          and status in ('active', 'completed')) end as enrolled
  `.execute(tx);
  const row = result.rows[0]!;
  return {
    mastery: new Map(row.mastery.map((entry) => [entry.skillId, { ...entry, lastAnsweredAt: entry.lastAnsweredAt ? new Date(entry.lastAnsweredAt) : null }])),
    ability: row.ability ?? { ...ABILITY_PRIOR, responses: 0 },
    cards: row.cards.map((card) => ({ ...card, dueAt: new Date(card.dueAt), lastReviewAt: card.lastReviewAt ? new Date(card.lastReviewAt) : null })),
    recent: row.recent,
    enrolled: row.enrolled,
  };
}

/** The student as selection sees them at `now`. */
export function learnerView(snapshot: LearnerSnapshot, models: TenantModels, now: Date): LearnerView {
  const since = snapshot.recent.findIndex((entry) => entry.wasReview);
  return {
    mastery: new Map([...snapshot.mastery].map(([skill, row]) => [skill, row.pKnown])),
    dueReviews: snapshot.cards.filter((card) => card.dueAt <= now).map((card) => card.skillId),
    recentItems: snapshot.recent.map((entry) => entry.itemId),
    answersSinceReview: since === -1 ? snapshot.recent.length : since,
    priorOf: (skill) => models.paramsOf(skill).prior,
  };
}

/** The model's prediction for the student on an item, with the features that made it. */
export function predictFor(weights: PredictorWeights, models: TenantModels, snapshot: LearnerSnapshot, item: PoolItem): Prediction {
  return predict(weights, {
    skills: item.skills.map((skillId) => {
      const row = snapshot.mastery.get(skillId);
      const params = models.paramsOf(skillId);
      return { skillId, pKnown: row?.pKnown ?? params.prior, attempts: row?.attempts ?? 0, successes: row?.successes ?? 0, params };
    }),
    ability: snapshot.ability,
    item: itemParameters(item),
  });
}
