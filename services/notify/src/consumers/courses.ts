import { Type } from '@sinclair/typebox';
import { CatalogEvents } from '@tessera/catalog/contract';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { recordCourse } from '../db/audience.repository.js';
import type { NotifyDatabase } from '../db/notify.table.js';

/** The durable consumer name; processes running it share its work. */
export const COURSES_CONSUMER = 'notify-courses';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const PublishedSeen = Type.Object({ courseId: Uuid, title: Type.String() });
const ArchivedSeen = Type.Object({ courseId: Uuid });

/** Keeps the tenant's courses, so announcements name only courses of the tenant that are still open. */
export function coursesConsumer(deps: Pick<NotifyDeps, 'db'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: COURSES_CONSUMER, events: 'catalog.course.*' }),
    async handler(event) {
      const tenantId = event.tenantid;
      if (!tenantId) return;
      const name = eventNameOf(event);
      if (name === CatalogEvents.coursePublished) {
        const course = checkedPayload(PublishedSeen, event.data, event.id);
        await deps.db.withTenant<NotifyDatabase, void>(tenantId, (tx) => recordCourse(tx, tenantId, { courseId: course.courseId, title: course.title, archived: false }));
      } else if (name === CatalogEvents.courseArchived) {
        const { courseId } = checkedPayload(ArchivedSeen, event.data, event.id);
        await deps.db.withTenant<NotifyDatabase, void>(tenantId, (tx) => recordCourse(tx, tenantId, { courseId, archived: true }));
      }
    },
  };
}
