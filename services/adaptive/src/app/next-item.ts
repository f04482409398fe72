import { deliveryView, type ItemVersion } from '@tessera/catalog/contract';
import type { NextItem } from '../contract/schemas.js';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { findItem } from '../db/model.repository.js';
import { reasonText } from '../domain/reasons.js';
import { selectNext, type Selection } from '../domain/selection.js';
import type { AdaptiveDeps } from './deps.js';
import { assertMayLearn, resolveGoal, type Goal, type Viewer } from './goal.js';
import { learnerSnapshot, learnerView, predictFor, type LearnerSnapshot } from './learner-state.js';

export interface NextChoice {
  goal: Goal;
  selection: Selection | null;
  snapshot: LearnerSnapshot;
  dueReviews: number;
  /** The chosen item's row (content included), when asked for. */
  item?: Awaited<ReturnType<typeof findItem>>;
}

/**
 * Chooses the next item for a student (the core of `GET /adaptive/next` and of the home recommendations), in
 * one transaction: the learner's rows in one statement, then (with `withItem`) the chosen item's content.
 */
export async function chooseNext(deps: AdaptiveDeps, tenantId: string, viewer: Viewer, query: { courseId?: string | undefined; skills?: string | undefined }, options: { withItem?: boolean; now?: Date } = {}): Promise<NextChoice> {
  const now = options.now ?? new Date();
  const models = await deps.models.of(tenantId);
  return deps.db.withTenant<AdaptiveDatabase, NextChoice>(tenantId, async (tx) => {
    const goal = await resolveGoal(tx, tenantId, models, viewer, query);
    const scope = [...models.graph.closure(goal.skills)];
    const snapshot = await learnerSnapshot(tx, tenantId, viewer.userId, scope, goal.enrollmentIn ?? undefined);
    assertMayLearn(goal, snapshot);
    const learner = learnerView(snapshot, models, now);
    const selection = selectNext({
      goalSkills: goal.skills, graph: models.graph, learner, settings: goal.settings, random: deps.random,
      candidatesOf: (skill) => models.candidatesBySkill.get(skill) ?? [],
      predict: (candidate) => predictFor(models.weights, models, snapshot, models.items.get(candidate.itemId)!).pCorrect,
    });
    const item = options.withItem && selection ? await findItem(tx, tenantId, selection.itemId) : undefined;
    return { goal, selection, snapshot, dueReviews: learner.dueReviews.length, item };
  });
}

/** `GET /adaptive/next`: the chosen item as the student sees it, with the reason in words. */
export async function nextItem(deps: AdaptiveDeps, tenantId: string, viewer: Viewer, query: { courseId?: string | undefined; skills?: string | undefined }): Promise<NextItem> {
  const choice = await chooseNext(deps, tenantId, viewer, query, { withItem: true });
  const models = await deps.models.of(tenantId);
  const { selection } = choice;
  if (!selection) {
    return {
      item: null, skill: null, reason: null, predictedSuccess: null, mastery: null, dueReviews: choice.dueReviews,
      message: choice.goal.skills.length === 0 ? 'This goal names no skills to practise yet.' : 'Every skill of this goal is mastered and no review is due. Well done!',
    };
  }
  const row = choice.item;
  const skillName = models.graph.nameOf(selection.skillId);
  const forSkill = selection.forSkillId ? { id: selection.forSkillId, name: models.graph.nameOf(selection.forSkillId) } : null;
  const mastery = choice.snapshot.mastery.get(selection.skillId)?.pKnown ?? models.paramsOf(selection.skillId).prior;
  return {
    item: row ? practiceView(row.item_id, row.version, row.content as Record<string, unknown>) : null,
    skill: { id: selection.skillId, name: skillName },
    reason: { code: selection.reason, text: reasonText(selection.reason, skillName, forSkill?.name ?? null), forSkill },
    predictedSuccess: round(selection.pCorrect),
    mastery: round(mastery),
    dueReviews: choice.dueReviews,
    message: null,
  };
}

export { isPracticeType } from '../domain/practice-items.js';

/** What a student sees of an item in practice: catalog's delivery view (no answers), hints kept. */
export function practiceView(itemId: string, version: number, content: Record<string, unknown>): Record<string, unknown> {
  const view = deliveryView({ ...content, id: itemId, version, publishedAt: '', publishedBy: null } as unknown as ItemVersion);
  const { publishedAt: _publishedAt, publishedBy: _publishedBy, ...shown } = view;
  return shown;
}

export function round(value: number): number {
  return Math.round(value * 1_000) / 1_000;
}
