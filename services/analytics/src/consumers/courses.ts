import { CatalogEvents } from '@tessera/catalog/contract';
import { checkedPayload, consumerSpec, eventNameOf, idempotent, type ConsumerRegistration } from '@tessera/platform';
import type { AnalyticsDeps } from '../app/deps.js';
import { CoursePublishedSeen } from '../contract/events.js';
import type { AnalyticsDatabase } from '../db/analytics.table.js';
import { upsertCourse } from '../db/course.repository.js';

/** The durable consumer name; processes running it share its work. */
export const COURSES_CONSUMER = 'analytics-courses';

/** Keeps the tenant's published courses: events may name only those, and dashboards show their titles. */
export function coursesConsumer(deps: Pick<AnalyticsDeps, 'db'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: COURSES_CONSUMER, events: CatalogEvents.coursePublished }),
    handler: idempotent<AnalyticsDatabase>(deps.db, COURSES_CONSUMER, async (tx, event) => {
      const tenantId = event.tenantid;
      if (!tenantId || eventNameOf(event) !== CatalogEvents.coursePublished) return;
      const course = checkedPayload(CoursePublishedSeen, event.data, event.id);
      await upsertCourse(tx, tenantId, course.courseId, course.title);
    }),
  };
}
