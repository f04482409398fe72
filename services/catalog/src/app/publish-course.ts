import { randomUUID } from 'node:crypto';
import { AppError, type Cache, type Database, type Outbox, type Tx } from '@tessera/platform';
import { CatalogEvents, type Course, type CoursePublishedData, type PublishedCourse, type TreeModule } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { findCourse, setCourseStatus } from '../db/course.repository.js';
import { indexPublishedCourse } from '../db/search.repository.js';
import { skillGraphOf } from '../db/skill.repository.js';
import { findVersion, insertVersion, latestVersionNumber, logReview, recordPublishedLessons } from '../db/version.repository.js';
import { courseProblems, type CourseProblem } from '../domain/course-problems.js';
import { graphOf } from '../domain/skill-graph.js';
import { itemProblemsById } from '../items/item-problems.js';
import { freezeEmbeddedItems } from '../items/item-publication.js';
import { findItem } from '../items/item.repository.js';
import type { ItemsDatabase } from '../items/item.table.js';
import { existingMediaIds } from '../media/media.repository.js';
import { draftTreeOf } from './course-tree.js';
import { catalogErrors } from './errors.js';
import { cachePublished } from './published-reads.js';
import { forgetSearches } from './search-cache.js';

/** What publishing needs. */
export interface PublishDeps {
  db: Database;
  outbox: Outbox;
  cache: Cache;
}

/** How a course gets published: a reviewer approving a submitted course, or publishing one directly. */
export interface PublishCommand {
  courseId: string;
  expectedVersion: number;
  actorId: string | null;
  via: 'approve' | 'publish';
  comment?: string | undefined;
}

/**
 * Freezes the draft tree as the next published version (1, 2, ...): students see it from now on, students
 * in progress keep theirs. The items its question blocks embed are frozen with it: one with unpublished
 * changes is published in the same transaction, and each block records the item version it shows, so a
 * later publication of the item changes nothing for this version. Refuses an invalid course (items
 * included) with 422 listing every problem, publishing nothing. Emits
 * `catalog.course.published`, rebuilds the course's search documents, and serves the new version from
 * the cache as soon as the transaction commits.
 */
export async function publishCourse(deps: PublishDeps, tenantId: string, command: PublishCommand): Promise<PublishedCourse> {
  const published = await deps.db.withTenant<CatalogDatabase, PublishedCourse>(tenantId, async (tx) => {
    const course = await findCourse(tx, tenantId, command.courseId, true);
    if (!course) throw catalogErrors.courseNotFound(command.courseId);
    if (course.version !== command.expectedVersion) throw catalogErrors.stale('course', course.id, command.expectedVersion, course.version);
    const modules = await draftTreeOf(tx, tenantId, course.id);
    assertMayPublish(course, command.via, await embeddedItemsChanged(tx, tenantId, course, embeddedItemIds(modules)));
    await assertPublishable(tx, tenantId, course.id, modules);
    const itemVersions = await freezeEmbeddedItems(tx, deps.outbox, tenantId, embeddedItemIds(modules), command.actorId);
    const frozen = withItemVersions(modules, itemVersions);
    const snapshot = snapshotOf(course, frozen, (await latestVersionNumber(tx, tenantId, course.id)) + 1, command.actorId);
    await insertVersion(tx, tenantId, snapshot);
    await setCourseStatus(tx, tenantId, course.id, { status: 'published', publishedVersion: snapshot.version, reviewedBy: command.actorId });
    if (command.via === 'approve') await log(tx, tenantId, course.id, 'approved', command, snapshot.version);
    await log(tx, tenantId, course.id, 'published', command, snapshot.version);
    await recordPublishedLessons(tx, tenantId, course.id, modules.flatMap((m) => m.lessons.map((l) => l.id)));
    await indexPublishedCourse(tx, tenantId, snapshot);
    await deps.outbox.emit(tx, tenantId, [{ name: CatalogEvents.coursePublished, subject: course.id, data: publishedEventOf(snapshot) }]);
    return snapshot;
  });
  await cachePublished(deps.cache, tenantId, published);
  await forgetSearches(deps.cache, tenantId, { publicCatalog: true });
  return published;
}

/**
 * A published course may be published again, unchanged, when items its blocks embed changed since: a newer
 * published version, or unpublished edits (published with it). That is how a correction of an item reaches
 * the course's students.
 */
function assertMayPublish(course: Course, via: PublishCommand['via'], itemsChanged: boolean): void {
  const allowed = via === 'approve' ? ['in_review'] : ['draft', 'in_review', 'archived'];
  if (allowed.includes(course.status) || (via === 'publish' && course.status === 'published' && itemsChanged)) return;
  const reason = via === 'approve' ? 'only a course in review can be approved' : 'it and the items it embeds are unchanged since it was published';
  throw new AppError('conflict', 'CATALOG.INVALID_TRANSITION', `Course ${course.id} is ${course.status}: ${reason}`);
}

/** Whether an embedded item differs from the version the course's current published version froze. */
async function embeddedItemsChanged(tx: Tx<CatalogDatabase>, tenantId: string, course: Course, itemIds: readonly string[]): Promise<boolean> {
  if (course.status !== 'published' || course.publishedVersion === null || itemIds.length === 0) return false;
  const current = await findVersion(tx, tenantId, course.id, course.publishedVersion);
  const frozen = new Map(current ? embeddedItemVersions(current.modules) : []);
  const items = tx as unknown as Tx<ItemsDatabase>;
  for (const itemId of new Set(itemIds)) {
    const item = await findItem(items, tenantId, itemId);
    if (!item || item.status !== 'published' || item.publishedVersion !== frozen.get(itemId)) return true;
  }
  return false;
}

function embeddedItemVersions(modules: readonly TreeModule[]): Array<[string, number | undefined]> {
  return modules.flatMap((m) => m.lessons.flatMap((l) => l.blocks.flatMap((b) => (b.kind === 'question' && b.itemId ? [[b.itemId, b.itemVersion]] as Array<[string, number | undefined]> : []))));
}

/** Refuses an invalid tree with 422 and `problems`, one entry per problem. */
async function assertPublishable(tx: Tx<CatalogDatabase>, tenantId: string, courseId: string, modules: TreeModule[]): Promise<void> {
  const graph = await skillGraphOf(tx, tenantId);
  const blocks = modules.flatMap((m) => m.lessons.flatMap((l) => l.blocks));
  const itemIds = embeddedItemIds(modules);
  const mediaIds = blocks.flatMap((b) => ((b.kind === 'video' || b.kind === 'file') && b.mediaId ? [b.mediaId] : []));
  const problems: CourseProblem[] = courseProblems(modules, {
    skillNames: new Map(graph.skills.map((s) => [s.skillId, s.name])),
    graph: graphOf(graph.prerequisites),
    itemProblems: itemIds.length > 0 ? await itemProblemsById(tx, tenantId, itemIds) : [],
    existingMedia: await existingMediaIds(tx, tenantId, mediaIds),
  });
  if (problems.length === 0) return;
  throw new AppError('unprocessable', 'CATALOG.COURSE_INVALID',
    `Course ${courseId} cannot be published (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.map((p) => p.detail).join('; ')}`,
    { problems });
}

function embeddedItemIds(modules: readonly TreeModule[]): string[] {
  return modules.flatMap((m) => m.lessons.flatMap((l) => l.blocks.flatMap((b) => (b.kind === 'question' && b.itemId ? [b.itemId] : []))));
}

/** The tree with each question block naming the item version frozen for it. */
function withItemVersions(modules: readonly TreeModule[], itemVersions: ReadonlyMap<string, number>): TreeModule[] {
  return modules.map((m) => ({
    ...m,
    lessons: m.lessons.map((l) => ({
      ...l,
      blocks: l.blocks.map((b) => {
        const itemVersion = b.kind === 'question' && b.itemId ? itemVersions.get(b.itemId) : undefined;
        return itemVersion === undefined ? b : { ...b, itemVersion };
      }),
    })),
  }));
}

function snapshotOf(course: Course, modules: TreeModule[], version: number, publishedBy: string | null): PublishedCourse {
  const skills = [...new Set(modules.flatMap((m) => m.lessons.flatMap((l) => l.skills)))];
  return {
    id: course.id, version, title: course.title, summary: course.summary, category: course.category, language: course.language,
    level: course.level, tags: course.tags, priceRef: course.priceRef, visibility: course.visibility, skills,
    instructors: course.instructors, modules, publishedAt: new Date().toISOString(), publishedBy,
  };
}

/** The event payload: the course's outline and what enrollment, billing and analytics need. */
function publishedEventOf(course: PublishedCourse): CoursePublishedData {
  return {
    courseId: course.id, version: course.version, title: course.title, visibility: course.visibility, priceRef: course.priceRef,
    language: course.language, level: course.level, category: course.category, tags: course.tags, skills: course.skills,
    modules: course.modules.map((m) => ({
      moduleId: m.id, title: m.title, position: m.position,
      lessons: m.lessons.map((l) => ({ lessonId: l.id, title: l.title, position: l.position, skills: l.skills })),
    })),
    publishedAt: course.publishedAt, publishedBy: course.publishedBy,
  };
}

async function log(tx: Tx<CatalogDatabase>, tenantId: string, courseId: string, action: 'approved' | 'published', command: PublishCommand, version: number): Promise<void> {
  await logReview(tx, tenantId, { id: randomUUID(), courseId, action, actorId: command.actorId, comment: command.comment ?? null, version });
}
