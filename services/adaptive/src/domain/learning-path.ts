import type { BktParams } from './learner-math.js';
import type { SkillGraph } from './skill-graph.js';

export interface PathLesson {
  lessonId: string;
  title: string;
  skills: readonly string[];
}

export interface PathStep {
  skillId: string;
  status: 'mastered' | 'ready' | 'locked';
  pKnown: number;
  /** Expected practice items until the mastery threshold (0 when mastered). */
  itemsRemaining: number;
  /** Lessons that teach the skill, in course order. */
  lessons: Array<{ lessonId: string; title: string }>;
}

export interface LearningPath {
  steps: PathStep[];
  itemsRemaining: number;
}

export interface PathRequest {
  goalSkills: readonly string[];
  graph: SkillGraph;
  mastery: ReadonlyMap<string, number>;
  paramsOf(skillId: string): BktParams;
  threshold: number;
  lessons: readonly PathLesson[];
}

/**
 * The plan to the goal: the goal skills and their prerequisites in topological order (ties in the order of
 * the course's lessons), each with its lessons and the items it is expected to take. Mastered skills stay in
 * the plan, marked, so the student sees what they have done; a skill is locked until its prerequisites are mastered.
 */
export function learningPath(request: PathRequest): LearningPath {
  const inScope = request.graph.closure(request.goalSkills);
  const lessonOrder = request.lessons.flatMap((lesson) => lesson.skills);
  const ordered = [...new Set([...lessonOrder.filter((s) => inScope.has(s)), ...inScope])];
  const pKnownOf = (skill: string) => request.mastery.get(skill) ?? request.paramsOf(skill).prior;
  const mastered = (skill: string) => pKnownOf(skill) >= request.threshold;
  const steps = request.graph.topologicalOrder(ordered).map((skillId): PathStep => {
    const pKnown = pKnownOf(skillId);
    const status = mastered(skillId) ? 'mastered'
      : request.graph.prerequisitesOf(skillId).every((required) => !inScope.has(required) || mastered(required)) ? 'ready' : 'locked';
    return {
      skillId, status, pKnown,
      itemsRemaining: status === 'mastered' ? 0 : expectedItemsToMastery(request.paramsOf(skillId), pKnown, request.threshold),
      lessons: request.lessons.filter((lesson) => lesson.skills.includes(skillId)).map(({ lessonId, title }) => ({ lessonId, title })),
    };
  });
  return { steps, itemsRemaining: steps.reduce((sum, step) => sum + step.itemsRemaining, 0) };
}

const MAX_ESTIMATE = 50;

/**
 * Under BKT each practice opportunity moves an unknown skill to known with probability `learn`, so the
 * expected P(known) after n items is 1 − (1 − p)(1 − learn)^n; solving for the threshold gives n.
 */
export function expectedItemsToMastery(params: BktParams, pKnown: number, threshold: number): number {
  if (pKnown >= threshold) return 0;
  if (params.learn <= 0) return MAX_ESTIMATE;
  const n = Math.log((1 - threshold) / (1 - pKnown)) / Math.log(1 - params.learn);
  return Math.min(MAX_ESTIMATE, Math.max(1, Math.ceil(n)));
}
