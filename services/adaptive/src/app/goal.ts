import type { Tx } from '@tessera/platform';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { findCourse, isEnrolled, type CourseRow } from '../db/read-models.repository.js';
import { DEFAULT_SELECTION, type SelectionSettings } from '../domain/selection.js';
import { adaptiveErrors } from './errors.js';
import type { TenantModels } from './model-cache.js';

/** Who asks, for whom: the student themself, or staff looking at a student (staff may see any course). */
export interface Viewer {
  userId: string;
  staff: boolean;
}

export interface Goal {
  course: CourseRow | null;
  skills: string[];
  settings: SelectionSettings;
  /** The course whose enrollment the caller must hold (checked with the learner's own rows), if any. */
  enrollmentIn: string | null;
}

/**
 * A course of the tenant (from the model cache; a course published since is read from the table) or goal
 * skills of the tenant's graph. The caller checks `enrollmentIn` against the learner's snapshot
 * (`assertMayLearn`): a course the student is not enrolled in is "not found", like another tenant's.
 */
export async function resolveGoal(tx: Tx<AdaptiveDatabase>, tenantId: string, models: TenantModels, viewer: Viewer, query: { courseId?: string | undefined; skills?: string | undefined }): Promise<Goal> {
  if (query.courseId) {
    const course = models.courses.get(query.courseId) ?? await findCourse(tx, tenantId, query.courseId);
    if (!course) throw adaptiveErrors.courseNotFound(query.courseId);
    return {
      enrollmentIn: viewer.staff ? null : course.courseId,
      course,
      skills: course.skills,
      settings: { ...DEFAULT_SELECTION, targetLow: course.targetLow, targetHigh: course.targetHigh, masteryThreshold: course.masteryThreshold },
    };
  }
  if (query.skills) {
    const skills = [...new Set(query.skills.split(',').map((id) => id.toLowerCase()))];
    const unknown = skills.filter((skill) => !models.graph.names.has(skill));
    if (unknown.length > 0) throw adaptiveErrors.unknownSkills(unknown);
    return { course: null, skills, settings: DEFAULT_SELECTION, enrollmentIn: null };
  }
  throw adaptiveErrors.noGoal();
}

/** Refuses a goal course the learner's snapshot (read with `enrollmentIn`) shows they do not learn in. */
export function assertMayLearn(goal: Goal, snapshot: { enrolled: boolean | null }): void {
  if (goal.enrollmentIn !== null && snapshot.enrolled !== true) throw adaptiveErrors.notEnrolled(goal.enrollmentIn);
}

export async function courseFor(tx: Tx<AdaptiveDatabase>, tenantId: string, viewer: Viewer, courseId: string): Promise<CourseRow> {
  const course = await findCourse(tx, tenantId, courseId);
  if (!course) throw adaptiveErrors.courseNotFound(courseId);
  if (!viewer.staff && !await isEnrolled(tx, tenantId, courseId, viewer.userId)) throw adaptiveErrors.notEnrolled(courseId);
  return course;
}
