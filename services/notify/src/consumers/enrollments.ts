import { Type } from '@sinclair/typebox';
import { EnrollmentEvents } from '@tessera/enrollment/contract';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { notifyUser } from '../app/notify-user.js';
import { setCourseMember } from '../db/audience.repository.js';
import type { NotifyDatabase } from '../db/notify.table.js';

/** The durable consumer name; processes running it share its work. */
export const ENROLLMENTS_CONSUMER = 'notify-enrollments';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const EnrollmentSeen = Type.Object({ enrollmentId: Uuid, courseId: Uuid, userId: Uuid });

/** Events that change who is in a course (completion keeps a student in: course updates still concern them). */
const MEMBERSHIP = new Set<string>([EnrollmentEvents.activated, EnrollmentEvents.cancelled, EnrollmentEvents.expired]);

/**
 * Welcomes a student into a course once the enrollment is active (paid, approved, or off the waitlist), and keeps
 * who is in each course for announcements and reminders.
 */
export function enrollmentsConsumer(deps: NotifyDeps): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: ENROLLMENTS_CONSUMER, events: 'enrollment.enrollment.*' }),
    async handler(event) {
      const tenantId = event.tenantid;
      const name = eventNameOf(event);
      if (!tenantId || !MEMBERSHIP.has(name)) return;
      const enrollment = checkedPayload(EnrollmentSeen, event.data, event.id);
      const member = name === EnrollmentEvents.activated;
      await deps.db.withTenant<NotifyDatabase, void>(tenantId, (tx) => setCourseMember(tx, tenantId, enrollment.courseId, enrollment.userId, member));
      if (!member) return;
      await notifyUser(deps, tenantId, {
        userId: enrollment.userId, category: 'course_updates', kind: 'enrollment.active', title: 'You are enrolled',
        body: 'Your place in the course is confirmed: you can start now.', link: `/courses/${enrollment.courseId}`, sourceKey: `enrollment:${enrollment.enrollmentId}:active`,
      });
    },
  };
}
