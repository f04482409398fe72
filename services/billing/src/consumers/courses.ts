import { CatalogEvents } from '@tessera/catalog/contract';
import { checkedPayload, consumerSpec, eventNameOf, idempotent, type ConsumerRegistration } from '@tessera/platform';
import type { BillingDeps } from '../app/deps.js';
import { CoursePublishedSeen } from '../contract/events.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { upsertCourse } from '../db/course.repository.js';
import { replaceCourseLessons } from '../db/lesson.repository.js';

/** The durable consumer name; processes running it share its work. */
export const COURSES_CONSUMER = 'billing-courses';

/** Keeps each published course's title (for orders and receipts), its publisher (who may price it) and its lessons. */
export function coursesConsumer(deps: BillingDeps): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: COURSES_CONSUMER, events: CatalogEvents.coursePublished }),
    handler: idempotent<BillingDatabase>(deps.db, COURSES_CONSUMER, async (tx, event) => {
      const tenantId = event.tenantid;
      if (!tenantId || eventNameOf(event) !== CatalogEvents.coursePublished) return;
      const course = checkedPayload(CoursePublishedSeen, event.data, event.id);
      await upsertCourse(tx, { tenant_id: tenantId, course_id: course.courseId, title: course.title, published_by: course.publishedBy });
      await replaceCourseLessons(tx, tenantId, course.courseId, (course.modules ?? []).flatMap((module) => module.lessons));
    }),
  };
}
