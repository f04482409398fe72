import type { DueReviews, LearnerMastery, LearningPath, Prediction, Recommendations } from '../contract/schemas.js';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { coursesOf, isEnrolled } from '../db/read-models.repository.js';
import { learningPath } from '../domain/learning-path.js';
import { reasonText } from '../domain/reasons.js';
import { DEFAULT_SELECTION } from '../domain/selection.js';
import type { AdaptiveDeps } from './deps.js';
import { adaptiveErrors } from './errors.js';
import { assertMayLearn, courseFor, resolveGoal, type Viewer } from './goal.js';
import { learnerSnapshot, predictFor } from './learner-state.js';
import { chooseNext, round } from './next-item.js';

const FEATURE_LABELS: Record<string, string> = {
  bias: 'baseline for this institution',
  mastery: 'mastery of the skill',
  ability: 'overall ability against the item\'s difficulty',
  successes: 'past successes on the skill',
  failures: 'past mistakes on the skill',
};

/** A student's mastery per skill (of a course, or every skill practised) and their IRT ability. */
export async function learnerMastery(deps: AdaptiveDeps, tenantId: string, viewer: Viewer, courseId: string | undefined): Promise<LearnerMastery> {
  const models = await deps.models.of(tenantId);
  return deps.db.withTenant<AdaptiveDatabase, LearnerMastery>(tenantId, async (tx) => {
    const course = courseId ? await courseFor(tx, tenantId, viewer, courseId) : null;
    const scope = course ? models.graph.topologicalOrder([...models.graph.closure(course.skills)]) : undefined;
    const snapshot = await learnerSnapshot(tx, tenantId, viewer.userId, scope);
    const threshold = course?.masteryThreshold ?? DEFAULT_SELECTION.masteryThreshold;
    const skills = scope ?? [...snapshot.mastery.keys()];
    return {
      userId: viewer.userId,
      masteryThreshold: threshold,
      skills: skills.map((skillId) => {
        const row = snapshot.mastery.get(skillId);
        const pKnown = row?.pKnown ?? models.paramsOf(skillId).prior;
        const card = snapshot.cards.find((entry) => entry.skillId === skillId);
        return {
          skill: { id: skillId, name: models.graph.nameOf(skillId) }, pKnown: round(pKnown), mastered: pKnown >= threshold,
          attempts: row?.attempts ?? 0, successes: row?.successes ?? 0, reviewDueAt: card?.dueAt.toISOString() ?? null,
        };
      }),
      ability: { theta: round(snapshot.ability.theta), se: round(snapshot.ability.se), responses: snapshot.ability.responses },
    };
  });
}

/** Reviews due now (or before `until`), most overdue first. */
export async function dueReviews(deps: AdaptiveDeps, tenantId: string, userId: string, until = new Date()): Promise<DueReviews> {
  const models = await deps.models.of(tenantId);
  const snapshot = await deps.db.withTenant<AdaptiveDatabase, Awaited<ReturnType<typeof learnerSnapshot>>>(tenantId, (tx) => learnerSnapshot(tx, tenantId, userId));
  return {
    items: snapshot.cards.filter((card) => card.dueAt <= until).map((card) => ({
      skill: { id: card.skillId, name: models.graph.nameOf(card.skillId) }, dueAt: card.dueAt.toISOString(), scheduler: card.scheduler,
    })),
  };
}

/** The ordered plan to a course's or goal's skills. */
export async function pathFor(deps: AdaptiveDeps, tenantId: string, viewer: Viewer, query: { courseId?: string | undefined; skills?: string | undefined }): Promise<LearningPath> {
  const models = await deps.models.of(tenantId);
  return deps.db.withTenant<AdaptiveDatabase, LearningPath>(tenantId, async (tx) => {
    const goal = await resolveGoal(tx, tenantId, models, viewer, query);
    const snapshot = await learnerSnapshot(tx, tenantId, viewer.userId, [...models.graph.closure(goal.skills)], goal.enrollmentIn ?? undefined);
    assertMayLearn(goal, snapshot);
    const path = learningPath({
      goalSkills: goal.skills, graph: models.graph, paramsOf: models.paramsOf, threshold: goal.settings.masteryThreshold,
      mastery: new Map([...snapshot.mastery].map(([skill, row]) => [skill, row.pKnown])), lessons: goal.course?.lessons ?? [],
    });
    return {
      courseId: goal.course?.courseId ?? null,
      itemsRemaining: path.itemsRemaining,
      steps: path.steps.map((step) => ({ ...step, pKnown: round(step.pKnown), skill: { id: step.skillId, name: models.graph.nameOf(step.skillId) } }))
        .map(({ skillId: _skillId, ...step }) => step),
    };
  });
}

const MAX_COURSES = 6;

/** For the student's home: the next step in each of their courses, and their due reviews. */
export async function recommendationsFor(deps: AdaptiveDeps, tenantId: string, userId: string): Promise<Recommendations> {
  const viewer = { userId, staff: false };
  const courses = await deps.db.withTenant<AdaptiveDatabase, Awaited<ReturnType<typeof coursesOf>>>(tenantId, (tx) => coursesOf(tx, tenantId, userId));
  const models = await deps.models.of(tenantId);
  const items = [];
  // A course that teaches no skills has nothing to practise: it is not recommended.
  for (const course of courses.filter((entry) => entry.skills.length > 0).slice(0, MAX_COURSES)) {
    const { selection } = await chooseNext(deps, tenantId, viewer, { courseId: course.courseId });
    const skillName = selection ? models.graph.nameOf(selection.skillId) : null;
    items.push({
      courseId: course.courseId, courseTitle: course.title,
      skill: selection ? { id: selection.skillId, name: skillName! } : null,
      reason: selection ? reasonText(selection.reason, skillName!, selection.forSkillId ? models.graph.nameOf(selection.forSkillId) : null) : null,
      reasonCode: selection?.reason ?? null,
      forSkill: selection?.forSkillId ? { id: selection.forSkillId, name: models.graph.nameOf(selection.forSkillId) } : null,
      predictedSuccess: selection ? round(selection.pCorrect) : null,
    });
  }
  return { items, dueReviews: (await dueReviews(deps, tenantId, userId)).items };
}

/**
 * P(correct) of a student on an item with each feature's contribution. Students ask about themselves (for an
 * item of a course they learn in); staff about anyone.
 */
export async function predictionFor(deps: AdaptiveDeps, tenantId: string, viewer: Viewer, itemId: string): Promise<Prediction> {
  const models = await deps.models.of(tenantId);
  const item = models.items.get(itemId);
  if (!item) throw adaptiveErrors.itemNotFound(itemId);
  const snapshot = await deps.db.withTenant<AdaptiveDatabase, Awaited<ReturnType<typeof learnerSnapshot>>>(tenantId, async (tx) => {
    if (!viewer.staff && !await learnsItem(tx, tenantId, viewer.userId, item)) throw adaptiveErrors.itemNotFound(itemId);
    return learnerSnapshot(tx, tenantId, viewer.userId, item.skills);
  });
  const prediction = predictFor(models.weights, models, snapshot, item);
  return {
    userId: viewer.userId, itemId, pCorrect: round(prediction.pCorrect),
    skill: prediction.skillId ? { id: prediction.skillId, name: models.graph.nameOf(prediction.skillId) } : null,
    contributions: [...prediction.contributions].sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution)).map((part) => ({
      feature: part.feature, label: FEATURE_LABELS[part.feature] ?? part.feature, value: round(part.value), weight: round(part.weight), contribution: round(part.contribution),
    })),
  };
}

async function learnsItem(tx: Parameters<typeof coursesOf>[0], tenantId: string, userId: string, item: { courseId: string | null; skills: string[] }): Promise<boolean> {
  if (item.courseId && await isEnrolled(tx, tenantId, item.courseId, userId)) return true;
  return (await coursesOf(tx, tenantId, userId)).some((course) => item.skills.some((skill) => course.skills.includes(skill)));
}
