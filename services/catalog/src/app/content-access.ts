import { isAppError } from '@tessera/platform';
import type { PublishedCourse } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { hasLiveGrant } from '../db/content-access.repository.js';
import { latestVersionNumber } from '../db/version.repository.js';
import { catalogErrors } from './errors.js';
import { currentPublishedCourse, publishedVersion, type ReadDeps } from './published-reads.js';

/** Who opens published content. */
export interface ContentReader {
  /** Null for an integration (API key): it holds no grants. */
  userId: string | null;
  /** Catalog authors and reviewers open every course's content, paid or not. */
  staff: boolean;
}

/** A published version being read, and whether it is the course's current one (which decides if it is paid). */
export interface OpenedVersion {
  course: PublishedCourse;
  current: boolean;
}

/** The version students currently see, or the frozen `version` (a student in progress follows theirs). */
export async function openVersion(deps: ReadDeps, tenantId: string, courseId: string, version?: number): Promise<OpenedVersion> {
  return version === undefined
    ? { course: await currentPublishedCourse(deps, tenantId, courseId), current: true }
    : { course: await publishedVersion(deps, tenantId, courseId, version), current: false };
}

/**
 * Refuses a paid course's content (403 CATALOG.CONTENT_LOCKED) to a reader who is not staff and holds no live
 * grant on the whole course or, given `lessonId`, on that lesson. Free courses cost nothing here; a paid one
 * costs one indexed query.
 */
export async function assertMayOpen(deps: ReadDeps, tenantId: string, reader: ContentReader, opened: OpenedVersion, lessonId: string | null): Promise<void> {
  if (reader.staff || !(await isPaid(deps, tenantId, opened))) return;
  const { userId } = reader;
  const courseId = opened.course.id;
  const granted = userId !== null
    && await deps.db.withTenant<CatalogDatabase, boolean>(tenantId, (tx) => hasLiveGrant(tx, tenantId, userId, courseId, lessonId));
  if (!granted) throw catalogErrors.contentLocked(courseId, lessonId);
}

/** True when the reader may open the whole course (staff, or a live grant on it); lesson grants do not count. */
export async function mayOpenCourse(deps: ReadDeps, tenantId: string, reader: ContentReader, opened: OpenedVersion): Promise<boolean> {
  try {
    await assertMayOpen(deps, tenantId, reader, opened, null);
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'CATALOG.CONTENT_LOCKED') return false;
    throw error;
  }
}

/**
 * A paid course as someone who may not open it sees it: its description and outline (modules, lesson titles,
 * summaries, skills), without any lesson's blocks. The lessons themselves answer 403 CATALOG.CONTENT_LOCKED.
 */
export function outlineOf(course: PublishedCourse): PublishedCourse {
  return { ...course, modules: course.modules.map((module) => ({ ...module, lessons: module.lessons.map((lesson) => ({ ...lesson, blocks: [] })) })) };
}

/**
 * A course is paid when its current version names a price: an older version of a course that became paid is
 * locked too, or reading it would go around the price. An archived course has no current version; its last
 * published one decides, so students who paid keep their version and others are still refused.
 */
async function isPaid(deps: ReadDeps, tenantId: string, opened: OpenedVersion): Promise<boolean> {
  if (opened.current) return opened.course.priceRef !== null;
  const courseId = opened.course.id;
  try {
    return (await currentPublishedCourse(deps, tenantId, courseId)).priceRef !== null;
  } catch (error) {
    if (!isAppError(error) || error.code !== 'CATALOG.COURSE_NOT_PUBLISHED') throw error;
  }
  const last = await deps.db.withTenant<CatalogDatabase, number>(tenantId, (tx) => latestVersionNumber(tx, tenantId, courseId));
  const lastCourse = last === opened.course.version ? opened.course : await publishedVersion(deps, tenantId, courseId, last);
  return lastCourse.priceRef !== null;
}
