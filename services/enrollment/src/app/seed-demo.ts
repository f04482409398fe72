import { DEMO_COURSE_ID, DEMO_PRACTICE_COURSE_ID } from '@tessera/catalog';
import { DEMO_TENANT_ID, demoAccounts } from '@tessera/identity';
import type { ServiceContext } from '@tessera/platform';
import { fulfilPlans, planEnrollment } from './planned-enrollments.js';

// Staff enrollments record who made them; the seed is nobody's, so a fixed system actor.
const SEED_ACTOR = '00000000-0000-4000-8000-00000000e001';

/**
 * The demo student enrolled in catalog's demo courses (the tour with its first lesson completed, and the practice course), so `GET /me/courses`
 * shows progress. Enrollment learns users and courses only from identity's and catalog's events, which reach
 * it through the bus after the seed has run (the relay and consumers start after seeding, or run in other
 * processes); waiting for them here would stall startup. So the seed plans the enrollment durably and tries it
 * at once (enough when the events arrived on an earlier start); otherwise the consumers carry it out as soon
 * as both the student and the course are known. Idempotent: a student with any enrollment in the course is
 * left alone.
 */
export async function seedDemoEnrollment(context: ServiceContext): Promise<void> {
  const student = demoAccounts.find((account) => account.tenantId === DEMO_TENANT_ID && account.roles.includes('student'));
  if (!student) return;
  await planEnrollment(context, DEMO_TENANT_ID, { courseId: DEMO_COURSE_ID, email: student.email, enrolledBy: SEED_ACTOR, completedLessons: 1 });
  await planEnrollment(context, DEMO_TENANT_ID, { courseId: DEMO_PRACTICE_COURSE_ID, email: student.email, enrolledBy: SEED_ACTOR, completedLessons: 0 });
  await fulfilPlans(context, DEMO_TENANT_ID);
}
