import { fileURLToPath } from 'node:url';
import type { HttpApp, ServiceContext, ServiceModule } from '@tessera/platform';
import { expiryJob } from './app/expiry-job.js';
import { seedDemoEnrollment } from './app/seed-demo.js';
import { courseCatalogConsumer } from './consumers/course-catalog.js';
import { userDirectoryConsumer } from './consumers/user-directory.js';
import { paymentsConsumer } from './consumers/payments.js';
import { enrollmentGrants } from './contract/permissions.js';
import { courseRoutes } from './http/course.routes.js';
import { enrollmentRoutes } from './http/enrollment.routes.js';
import { progressRoutes } from './http/progress.routes.js';

/** Event names and payloads, permissions and API schemas of the enrollment service. */
export {
  EnrollmentEvents, ConsumedEvents, EnrollmentPermissions, type EnrollmentEventData, type LessonCompletedData, type Enrollment,
  type EnrollmentStatus, type Progress, type MyCourse, type RosterEntry, type EnrollmentSettings,
} from './contract/index.js';
/** The durable consumers that keep the read models of published courses and of the tenant's users. */
export { COURSE_CATALOG_CONSUMER } from './consumers/course-catalog.js';
export { USER_DIRECTORY_CONSUMER } from './consumers/user-directory.js';
export { PAYMENTS_CONSUMER } from './consumers/payments.js';
/** One run of the periodic expiry job (relay processes run it every `EXPIRY_EVERY_MS`). */
export { expireDue, EXPIRY_EVERY_MS } from './app/expiry-job.js';
/** Activates a paid enrollment; the future consumer of `billing.payment.captured` calls it. */
export { activatePaid, expireOverduePayments } from './app/change-status.js';

const routeGroups = [enrollmentRoutes, courseRoutes, progressRoutes];

/**
 * The enrollment service: enrollments and their state machine (requested → pending_payment → active →
 * completed; cancelled, expired, waitlisted), seats and waitlists, enrollment windows, roster import, and
 * progress per lesson, over its own read models of the courses catalog publishes and the users identity announces.
 */
export const enrollmentService: ServiceModule = {
  name: 'enrollment',
  migrations: { schema: 'enrollment', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) },
  permissions: enrollmentGrants,
  async routes(app: HttpApp, context: ServiceContext) {
    for (const register of routeGroups) await register(app, context);
  },
  consumers: (context) => [courseCatalogConsumer(context), userDirectoryConsumer(context), paymentsConsumer(context)],
  jobs: (context) => [expiryJob(context)],
  seedDemo: seedDemoEnrollment,
};
