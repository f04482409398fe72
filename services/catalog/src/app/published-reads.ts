import type { Cache, Database } from '@tessera/platform';
import type { PublishedCourse } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { findVersion } from '../db/version.repository.js';
import { catalogErrors } from './errors.js';

/** What published reads need. */
export interface ReadDeps {
  db: Database;
  cache: Cache;
}

// The current published version is replaced in the cache right after a publish commits and dropped on
// archive. A reader that loaded the old version just before the commit could still write it back after
// that; the consumer of the published/archived events drops the entry again moments later, and the TTL
// bounds what is left. A frozen version never changes, so it may stay much longer.
const CURRENT_TTL_MS = 5 * 60_000;
const FROZEN_TTL_MS = 60 * 60_000;

/** Cache key of the version students currently see. */
export function currentKey(tenantId: string, courseId: string): string {
  return `catalog:course:current:${tenantId}:${courseId}`;
}

function frozenKey(tenantId: string, courseId: string, version: number): string {
  return `catalog:course:v:${tenantId}:${courseId}:${version}`;
}

/**
 * The cache entry of the version students currently see: its JSON text (null when none is published), so the
 * hot read sends the text as it is instead of parsing and serialising a whole course tree per request.
 */
interface CurrentEntry {
  json: string | null;
}

/** The JSON of the version students currently see (404 when it has none, or is archived). Served from the cache. */
export async function currentPublishedCourseJson(deps: ReadDeps, tenantId: string, courseId: string): Promise<string> {
  const cached = await deps.cache.getOrLoad<CurrentEntry>(currentKey(tenantId, courseId), CURRENT_TTL_MS, async () => {
    const course = await deps.db.withTenant<CatalogDatabase, PublishedCourse | null>(tenantId, async (tx) => {
      const row = await tx.selectFrom('catalog.courses').select(['status', 'published_version'])
        .where('tenant_id', '=', tenantId).where('id', '=', courseId).executeTakeFirst();
      if (!row?.published_version || row.status === 'archived') return null;
      return (await findVersion(tx, tenantId, courseId, row.published_version)) ?? null;
    });
    return { json: course ? JSON.stringify(course) : null };
  });
  if (!cached.json) throw catalogErrors.notPublished(courseId);
  return cached.json;
}

/** The version of a course students currently see (404 when it has none, or is archived). */
export async function currentPublishedCourse(deps: ReadDeps, tenantId: string, courseId: string): Promise<PublishedCourse> {
  return JSON.parse(await currentPublishedCourseJson(deps, tenantId, courseId)) as PublishedCourse;
}

/** A frozen version of a course (students in progress keep theirs, even after the course is archived). */
export async function publishedVersion(deps: ReadDeps, tenantId: string, courseId: string, version: number): Promise<PublishedCourse> {
  const key = frozenKey(tenantId, courseId, version);
  const cached = await deps.cache.get<PublishedCourse>(key);
  if (cached) return cached;
  const course = await deps.db.withTenant<CatalogDatabase, PublishedCourse | undefined>(tenantId, (tx) => findVersion(tx, tenantId, courseId, version));
  // A version that does not exist yet is not cached: it may be published a moment later.
  if (!course) throw catalogErrors.versionNotFound(courseId, version);
  await deps.cache.set(key, course, FROZEN_TTL_MS);
  return course;
}

/** After a publish committed: students see the new version at once. */
export async function cachePublished(cache: Cache, tenantId: string, course: PublishedCourse): Promise<void> {
  const entry: CurrentEntry = { json: JSON.stringify(course) };
  await cache.set(currentKey(tenantId, course.id), entry, CURRENT_TTL_MS);
}

/** After an archive committed (or on any doubt): the next read goes to the database. */
export async function forgetPublished(cache: Cache, tenantId: string, courseId: string): Promise<void> {
  await cache.delete(currentKey(tenantId, courseId));
}
