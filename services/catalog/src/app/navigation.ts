import type { Prerequisites, TreeModule } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { skillGraphOf } from '../db/skill.repository.js';
import { findLesson } from '../db/structure.repository.js';
import { courseOfPublishedLesson } from '../db/version.repository.js';
import { graphOf, requiredSkills } from '../domain/skill-graph.js';
import { draftTreeOf } from './course-tree.js';
import { assertMayReadDraft, type Editor } from './editor.js';
import { catalogErrors } from './errors.js';
import { currentPublishedCourse, publishedVersion, type ReadDeps } from './published-reads.js';

/** The lesson after another in a published version. */
export interface NextLesson {
  courseId: string;
  version: number;
  lessonId: string;
  next: { lessonId: string; moduleId: string; title: string; position: number; newModule: boolean } | null;
}

/**
 * The lesson that follows `lessonId` in the published course (its current version, or `version`, the one a
 * student in progress follows), crossing into the next module at a module's end; null after the last one.
 */
export async function nextLesson(deps: ReadDeps, tenantId: string, lessonId: string, version?: number): Promise<NextLesson> {
  const courseId = await deps.db.withTenant<CatalogDatabase, string | undefined>(tenantId, (tx) => courseOfPublishedLesson(tx, tenantId, lessonId));
  if (!courseId) throw catalogErrors.lessonNotFound(lessonId);
  const course = version === undefined ? await currentPublishedCourse(deps, tenantId, courseId) : await publishedVersion(deps, tenantId, courseId, version);
  const order = course.modules.flatMap((m) => m.lessons.map((l) => ({ moduleId: m.id, lesson: l })));
  const index = order.findIndex((entry) => entry.lesson.id === lessonId);
  if (index < 0) throw catalogErrors.lessonNotFound(lessonId);
  const following = order[index + 1];
  return {
    courseId, version: course.version, lessonId,
    next: following ? {
      lessonId: following.lesson.id, moduleId: following.moduleId, title: following.lesson.title, position: following.lesson.position,
      newModule: following.moduleId !== order[index]!.moduleId,
    } : null,
  };
}

/**
 * The skills a course, lesson or skill requires, transitively, that it does not teach itself. For a lesson,
 * `taughtIn` names an earlier lesson of the same course that teaches a requirement. Reads the published
 * version, or the draft when `draft` names who reads it (the course's co-authors and reviewers only).
 */
export async function prerequisitesOf(deps: ReadDeps, tenantId: string, kind: Prerequisites['kind'], id: string, draft: Editor | null): Promise<Prerequisites> {
  const { teaches, lessons, position } = await contentSkills(deps, tenantId, kind, id, draft);
  return deps.db.withTenant<CatalogDatabase, Prerequisites>(tenantId, async (tx) => {
    const graph = await skillGraphOf(tx, tenantId);
    const names = new Map(graph.skills.map((s) => [s.skillId, s.name]));
    if (kind === 'skill' && !names.has(id)) throw catalogErrors.skillNotFound(id);
    const required = requiredSkills(graphOf(graph.prerequisites), teaches);
    const taughtBefore = (skillId: string) => lessons.slice(0, position).find((l) => l.skills.includes(skillId))?.id ?? null;
    return {
      kind, id, teaches,
      requires: [...required].sort((a, b) => a[1] - b[1] || (names.get(a[0]) ?? '').localeCompare(names.get(b[0]) ?? ''))
        .map(([skillId, depth]) => ({ skillId, name: names.get(skillId) ?? skillId, depth, taughtIn: taughtBefore(skillId) })),
    };
  });
}

/** The skills some content teaches, with the course's lessons in order and the content's place among them. */
async function contentSkills(
  deps: ReadDeps, tenantId: string, kind: Prerequisites['kind'], id: string, draft: Editor | null,
): Promise<{ teaches: string[]; lessons: TreeModule['lessons']; position: number }> {
  if (kind === 'skill') return { teaches: [id], lessons: [], position: 0 };
  const modules = kind === 'course' ? await courseModules(deps, tenantId, id, draft) : await lessonCourseModules(deps, tenantId, id, draft);
  const lessons = modules.flatMap((m) => m.lessons);
  if (kind === 'course') return { teaches: [...new Set(lessons.flatMap((l) => l.skills))], lessons, position: 0 };
  const position = lessons.findIndex((l) => l.id === id);
  if (position < 0) throw catalogErrors.lessonNotFound(id);
  return { teaches: lessons[position]!.skills, lessons, position };
}

async function courseModules(deps: ReadDeps, tenantId: string, courseId: string, draft: Editor | null): Promise<TreeModule[]> {
  if (!draft) return (await currentPublishedCourse(deps, tenantId, courseId)).modules;
  return deps.db.withTenant<CatalogDatabase, TreeModule[]>(tenantId, async (tx) => {
    await assertMayReadDraft(tx, tenantId, courseId, draft);
    return draftTreeOf(tx, tenantId, courseId);
  });
}

async function lessonCourseModules(deps: ReadDeps, tenantId: string, lessonId: string, draft: Editor | null): Promise<TreeModule[]> {
  const courseId = await deps.db.withTenant<CatalogDatabase, string | undefined>(tenantId, async (tx) =>
    draft ? (await findLesson(tx, tenantId, lessonId))?.courseId : courseOfPublishedLesson(tx, tenantId, lessonId));
  if (!courseId) throw catalogErrors.lessonNotFound(lessonId);
  return courseModules(deps, tenantId, courseId, draft);
}
