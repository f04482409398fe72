import { Type } from '@sinclair/typebox';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration, type ServiceContext } from '@tessera/platform';
import { CatalogEvents } from '@tessera/catalog/contract';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { recordCourseArchived, recordCoursePublished } from '../db/course.repository.js';

/** The durable consumer name; processes running it share its work. */
export const COURSES_CONSUMER = 'assessment-courses';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const CoursePublishedSeen = Type.Object({ courseId: Uuid, version: Type.Integer({ minimum: 1 }), title: Type.String() });
const CourseArchivedSeen = Type.Object({ courseId: Uuid, version: Type.Union([Type.Integer(), Type.Null()]) });

/** Keeps which courses the tenant has, so exams and gradebooks are only for those. Order-insensitive; repeats change nothing. */
export function coursesConsumer(context: Pick<ServiceContext, 'db'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: COURSES_CONSUMER, events: 'catalog.course.*' }),
    async handler(event) {
      const tenantId = event.tenantid;
      if (!tenantId) return;
      const name = eventNameOf(event);
      if (name === CatalogEvents.coursePublished) {
        const course = checkedPayload(CoursePublishedSeen, event.data, event.id);
        await context.db.withTenant<AssessmentDatabase, void>(tenantId, (tx) => recordCoursePublished(tx, tenantId, course));
      } else if (name === CatalogEvents.courseArchived) {
        const archived = checkedPayload(CourseArchivedSeen, event.data, event.id);
        await context.db.withTenant<AssessmentDatabase, void>(tenantId, (tx) => recordCourseArchived(tx, tenantId, archived.courseId, archived.version));
      }
    },
  };
}
