import { checkedPayload, consumerSpec, eventNameOf, idempotent, type ConsumerRegistration, type ServiceContext, type Tx } from '@tessera/platform';
import { fulfilPlans } from '../app/planned-enrollments.js';
import { ConsumedEvents, CourseArchivedSeen, CoursePublishedSeen } from '../contract/events.js';
import { insertCourseVersion, raiseLatestVersion, recordArchived } from '../db/course.repository.js';
import type { EnrollmentDatabase } from '../db/enrollment.table.js';

/** The durable consumer name; processes running it share its work. */
export const COURSE_CATALOG_CONSUMER = 'enrollment-course-catalog';

/**
 * Keeps enrollment's read model of published courses: every version (students keep the one they started),
 * the latest version, and whether the course is archived. Exactly once per event through the inbox, and
 * insensitive to order and repetition: versions are immutable and the latest only ever rises. A newly known
 * course may let planned enrollments go ahead (after the event's transaction, in their own).
 */
export function courseCatalogConsumer(context: Pick<ServiceContext, 'db' | 'outbox' | 'logger'>): ConsumerRegistration {
  const record = idempotent<EnrollmentDatabase>(context.db, COURSE_CATALOG_CONSUMER, async (tx, event) => {
    if (!event.tenantid) return;
    const name = eventNameOf(event);
    if (name === ConsumedEvents.coursePublished) await recordPublished(tx, event.tenantid, event.data, event.id);
    else if (name === ConsumedEvents.courseArchived) await recordArchive(tx, event.tenantid, event.data, event.id);
  });
  return {
    spec: consumerSpec({ durable: COURSE_CATALOG_CONSUMER, events: 'catalog.course.>' }),
    async handler(event, delivery) {
      await record(event, delivery);
      if (event.tenantid && eventNameOf(event) === ConsumedEvents.coursePublished) await fulfilPlans(context, event.tenantid);
    },
  };
}

async function recordPublished(tx: Tx<EnrollmentDatabase>, tenantId: string, data: unknown, eventId: string): Promise<void> {
  const course = checkedPayload(CoursePublishedSeen, data, eventId);
  await insertCourseVersion(tx, tenantId, course);
  await raiseLatestVersion(tx, tenantId, course.courseId, course.version);
}

async function recordArchive(tx: Tx<EnrollmentDatabase>, tenantId: string, data: unknown, eventId: string): Promise<void> {
  const archived = checkedPayload(CourseArchivedSeen, data, eventId);
  await recordArchived(tx, tenantId, archived.courseId, archived.version);
}
