import { api, unwrap } from '../../../api/client';
import type { LearnerMastery, MasteryChange } from '../api-types';

/** The title of a course, for the heading of its practice and path screens. */
export async function courseTitle(courseId: string): Promise<string> {
  return (await unwrap(api.GET('/api/v1/courses/{courseId}', { params: { path: { courseId } } }))).title;
}

export function loadMastery(courseId: string): Promise<LearnerMastery> {
  return unwrap(api.GET('/api/v1/adaptive/mastery', { params: { query: { courseId } } }));
}

/** The mastery an answer reported, applied at once (the refetch that follows confirms it). */
export function withChanges(mastery: LearnerMastery, changes: MasteryChange[]): LearnerMastery {
  const after = new Map(changes.map((change) => [change.skill.id, change]));
  return {
    ...mastery,
    skills: mastery.skills.map((entry) => {
      const change = after.get(entry.skill.id);
      return change ? { ...entry, pKnown: change.after, mastered: change.mastered } : entry;
    }),
  };
}
