import { consumerSpec, eventNameOf, type Cache, type ConsumerRegistration } from '@tessera/platform';
import { forgetPublished } from '../app/published-reads.js';
import { forgetSearches } from '../app/search-cache.js';
import { CatalogEvents, type CourseArchivedData, type CoursePublishedData } from '../contract/index.js';

/** The durable consumer name; processes running it share its work. */
export const CACHE_INVALIDATION_CONSUMER = 'catalog-course-cache';

/**
 * Drops the cached current version of a course, and the cached searches of its tenant and of the public
 * catalog, once its publish or archive is on the bus. The publishing process already did so right after commit; this closes the gap where a reader that loaded the old
 * version just before that commit wrote it back afterwards, or the publisher died in between. Deleting is
 * idempotent, so redeliveries need no inbox.
 */
export function invalidateCourseCacheConsumer(cache: Cache): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: CACHE_INVALIDATION_CONSUMER, events: 'catalog.course.*' }),
    handler: async (event) => {
      const type = eventNameOf(event);
      if (type !== CatalogEvents.coursePublished && type !== CatalogEvents.courseArchived) return;
      const { courseId } = event.data as CoursePublishedData | CourseArchivedData;
      if (!event.tenantid || !courseId) return;
      await forgetPublished(cache, event.tenantid, courseId);
      await forgetSearches(cache, event.tenantid, { publicCatalog: true });
    },
  };
}
