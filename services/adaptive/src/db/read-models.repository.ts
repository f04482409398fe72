import type { Tx } from '@tessera/platform';
import type { Selectable } from 'kysely';
import type { AdaptiveDatabase, CoursesTable } from './adaptive.table.js';
import { bumpModelVersion } from './model.repository.js';

type Db = Tx<AdaptiveDatabase>;

export interface ItemRecord {
  itemId: string;
  version: number;
  type: string;
  skills: string[];
  courseId: string | null;
  content: Record<string, unknown>;
  difficulty: number | null;
  authorA: number | null;
  authorB: number | null;
  publishedAt: string;
}

/** Keeps the newest published version of an item (versions only rise, so an older one arriving late is ignored). */
export async function recordItem(tx: Db, tenantId: string, item: ItemRecord): Promise<void> {
  await tx.insertInto('adaptive.items').values({
    tenant_id: tenantId, item_id: item.itemId, version: item.version, type: item.type, skills: item.skills, course_id: item.courseId,
    content: JSON.stringify(item.content), difficulty: item.difficulty, author_a: item.authorA, author_b: item.authorB,
    published_at: new Date(item.publishedAt),
  }).onConflict((oc) => oc.columns(['tenant_id', 'item_id']).doUpdateSet((eb) => ({
    version: eb.ref('excluded.version'), type: eb.ref('excluded.type'), skills: eb.ref('excluded.skills'), course_id: eb.ref('excluded.course_id'),
    content: eb.ref('excluded.content'), difficulty: eb.ref('excluded.difficulty'), author_a: eb.ref('excluded.author_a'),
    author_b: eb.ref('excluded.author_b'), published_at: eb.ref('excluded.published_at'),
  })).where('adaptive.items.version', '<', (eb) => eb.ref('excluded.version'))).execute();
  await bumpModelVersion(tx, tenantId);
}

export interface SkillGraphRecord {
  /** Catalog's number for this graph; absent in graphs announced before catalog numbered them (always kept). */
  graphVersion?: number;
  skills: Array<{ skillId: string; name: string }>;
  prerequisites: Array<{ skillId: string; requiresSkillId: string }>;
}

/**
 * Replaces the tenant's skill graph with the one catalog announced (it always sends the whole graph), unless the
 * graph held is newer. Raising the tenant's model version first locks its row, so two graph events handled side
 * by side replace one after the other rather than interleave their deletes and inserts.
 */
export async function replaceSkillGraph(tx: Db, tenantId: string, graph: SkillGraphRecord): Promise<boolean> {
  const held = await tx.insertInto('adaptive.model_versions').values({ tenant_id: tenantId, version: 1 })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet((eb) => ({ version: eb('adaptive.model_versions.version', '+', 1) })))
    .returning('graph_version').executeTakeFirstOrThrow();
  if (graph.graphVersion !== undefined && graph.graphVersion <= Number(held.graph_version)) return false;
  await tx.deleteFrom('adaptive.prerequisites').where('tenant_id', '=', tenantId).execute();
  await tx.deleteFrom('adaptive.skills').where('tenant_id', '=', tenantId).execute();
  if (graph.skills.length > 0) {
    await tx.insertInto('adaptive.skills').values(graph.skills.map((skill) => ({ tenant_id: tenantId, skill_id: skill.skillId, name: skill.name })))
      .onConflict((oc) => oc.doNothing()).execute();
  }
  if (graph.prerequisites.length > 0) {
    await tx.insertInto('adaptive.prerequisites').values(graph.prerequisites.map((edge) => ({ tenant_id: tenantId, skill_id: edge.skillId, requires_skill_id: edge.requiresSkillId })))
      .onConflict((oc) => oc.doNothing()).execute();
  }
  if (graph.graphVersion !== undefined) {
    await tx.updateTable('adaptive.model_versions').set({ graph_version: graph.graphVersion }).where('tenant_id', '=', tenantId).execute();
  }
  return true;
}

export interface CourseRecord {
  courseId: string;
  version: number;
  title: string;
  skills: string[];
  lessons: Array<{ lessonId: string; title: string; skills: string[] }>;
}

/** Keeps the newest published version of a course; its adaptive settings stay as the course's staff set them. */
export async function recordCourse(tx: Db, tenantId: string, course: CourseRecord): Promise<void> {
  await tx.insertInto('adaptive.courses').values({
    tenant_id: tenantId, course_id: course.courseId, version: course.version, title: course.title, skills: course.skills,
    lessons: JSON.stringify(course.lessons),
  }).onConflict((oc) => oc.columns(['tenant_id', 'course_id']).doUpdateSet((eb) => ({
    version: eb.ref('excluded.version'), title: eb.ref('excluded.title'), skills: eb.ref('excluded.skills'), lessons: eb.ref('excluded.lessons'),
  })).where('adaptive.courses.version', '<', (eb) => eb.ref('excluded.version'))).execute();
  await bumpModelVersion(tx, tenantId);
}

export async function recordEnrollment(tx: Db, tenantId: string, enrollment: { courseId: string; userId: string; status: string; changedAt: Date }): Promise<void> {
  await tx.insertInto('adaptive.enrollments').values({
    tenant_id: tenantId, course_id: enrollment.courseId, user_id: enrollment.userId, status: enrollment.status, changed_at: enrollment.changedAt,
  }).onConflict((oc) => oc.columns(['tenant_id', 'course_id', 'user_id']).doUpdateSet({ status: enrollment.status, changed_at: enrollment.changedAt })
    .where('adaptive.enrollments.changed_at', '<=', enrollment.changedAt)).execute();
}

export interface CourseRow {
  courseId: string;
  title: string;
  skills: string[];
  lessons: Array<{ lessonId: string; title: string; skills: string[] }>;
  targetLow: number;
  targetHigh: number;
  masteryThreshold: number;
  settingsVersion: number;
}

export async function findCourse(tx: Db, tenantId: string, courseId: string): Promise<CourseRow | undefined> {
  const row = await tx.selectFrom('adaptive.courses').selectAll().where('tenant_id', '=', tenantId).where('course_id', '=', courseId).executeTakeFirst();
  return row && courseRowOf(row);
}

/** Every published course of the tenant (the model cache holds them). */
export async function coursesOfTenant(tx: Db, tenantId: string): Promise<CourseRow[]> {
  return (await tx.selectFrom('adaptive.courses').selectAll().where('tenant_id', '=', tenantId).execute()).map(courseRowOf);
}

function courseRowOf(row: Omit<Selectable<CoursesTable>, 'tenant_id' | 'version'>): CourseRow {
  return {
    courseId: row.course_id, title: row.title, skills: row.skills, lessons: row.lessons as CourseRow['lessons'],
    targetLow: row.target_low, targetHigh: row.target_high, masteryThreshold: row.mastery_threshold, settingsVersion: row.settings_version,
  };
}

export async function updateCourseSettings(tx: Db, tenantId: string, courseId: string, settings: { targetLow: number; targetHigh: number; masteryThreshold: number }): Promise<void> {
  await tx.updateTable('adaptive.courses').set((eb) => ({
    target_low: settings.targetLow, target_high: settings.targetHigh, mastery_threshold: settings.masteryThreshold,
    settings_version: eb('settings_version', '+', 1),
  })).where('tenant_id', '=', tenantId).where('course_id', '=', courseId).execute();
  await bumpModelVersion(tx, tenantId);
}

const LEARNING = ['active', 'completed'];

export async function isEnrolled(tx: Db, tenantId: string, courseId: string, userId: string): Promise<boolean> {
  const row = await tx.selectFrom('adaptive.enrollments').select('status')
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined && LEARNING.includes(row.status);
}

/** Courses the student learns in (active or completed), newest title order. */
export async function coursesOf(tx: Db, tenantId: string, userId: string): Promise<CourseRow[]> {
  const rows = await tx.selectFrom('adaptive.enrollments as e')
    .innerJoin('adaptive.courses as c', (join) => join.onRef('c.tenant_id', '=', 'e.tenant_id').onRef('c.course_id', '=', 'e.course_id'))
    .select(['c.course_id', 'c.title', 'c.skills', 'c.lessons', 'c.target_low', 'c.target_high', 'c.mastery_threshold', 'c.settings_version'])
    .where('e.tenant_id', '=', tenantId).where('e.user_id', '=', userId).where('e.status', 'in', LEARNING)
    .orderBy('c.title').limit(50).execute();
  return rows.map(courseRowOf);
}

/** Students learning in a course. */
export async function studentsOf(tx: Db, tenantId: string, courseId: string, limit: number): Promise<string[]> {
  const rows = await tx.selectFrom('adaptive.enrollments').select('user_id')
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('status', 'in', LEARNING)
    .orderBy('user_id').limit(limit).execute();
  return rows.map((row) => row.user_id);
}

/** Whether the user is (or was) enrolled anywhere in the tenant: staff may look up only the tenant's learners. */
export async function isLearner(tx: Db, tenantId: string, userId: string): Promise<boolean> {
  const row = await tx.selectFrom('adaptive.enrollments').select('user_id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).limit(1).executeTakeFirst();
  return row !== undefined;
}
