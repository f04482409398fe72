import { fileURLToPath } from 'node:url';
import type { HttpApp, ServiceContext, ServiceModule } from '@tessera/platform';
import { heldDeliveriesJob } from './app/held-job.js';
import { deliveriesConsumer } from './consumers/deliveries.js';
import { enrollmentsConsumer } from './consumers/enrollments.js';
import { resultsConsumer } from './consumers/results.js';
import { reviewsConsumer } from './consumers/reviews.js';
import { rolesConsumer, usersConsumer } from './consumers/users.js';
import { notifyGrants } from './contract/permissions.js';
import { deliveryRoutes } from './http/delivery.routes.js';
import { notificationRoutes } from './http/notification.routes.js';
import { preferenceRoutes } from './http/preference.routes.js';
import { pushRoutes } from './http/push.routes.js';
import { settingsRoutes } from './http/settings.routes.js';
import { smsRoutes } from './http/sms.routes.js';
import { socketRoutes } from './http/socket.routes.js';
import { announcementRoutes } from './http/announcement.routes.js';
import { scheduledNoticesJob } from './app/scheduled-job.js';
import { examsConsumer } from './consumers/exams.js';
import { coursesConsumer } from './consumers/courses.js';
import { paymentsConsumer } from './consumers/payments.js';

export { NotifyPermissions, notifyGrants } from './contract/index.js';
export { RESULTS_CONSUMER } from './consumers/results.js';
export { REVIEWS_CONSUMER } from './consumers/reviews.js';
export { ENROLLMENTS_CONSUMER } from './consumers/enrollments.js';
export { USERS_CONSUMER, ROLES_CONSUMER } from './consumers/users.js';
export { EXAMS_CONSUMER } from './consumers/exams.js';
export { COURSES_CONSUMER } from './consumers/courses.js';
export { PAYMENTS_CONSUMER } from './consumers/payments.js';
export { sendDueAnnouncements } from './app/announcements.js';
export { sendDueReminders, REMIND_BEFORE_MS } from './app/reminders.js';
export { DELIVERIES_CONSUMER } from './consumers/deliveries.js';
export { sendHeldDeliveries, HELD_EVERY_MS } from './app/held-job.js';
export { notifyUser, type Notice } from './app/notify-user.js';
export { notificationsTopic } from './app/live.js';

/**
 * The notify service: notices to users from other services' events (results graded, reviews due, enrollments
 * confirmed), kept in each user's in-app list, told live to every open tab and device, emailed (now, after
 * quiet hours, or in a digest) with one-click unsubscribe, pushed to their browsers (web push, VAPID), and the
 * user's preferences per category and channel.
 */
export const notifyService: ServiceModule = {
  name: 'notify',
  migrations: { schema: 'notify', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) },
  permissions: notifyGrants,
  async routes(app: HttpApp, context: ServiceContext) {
    await notificationRoutes(app, context);
    await preferenceRoutes(app, context);
    await deliveryRoutes(app, context);
    await settingsRoutes(app, context);
    await smsRoutes(app, context);
    await pushRoutes(app, context);
    await socketRoutes(app, context);
    await announcementRoutes(app, context);
  },
  consumers: (context) => [resultsConsumer(context), reviewsConsumer(context), enrollmentsConsumer(context), usersConsumer(context), rolesConsumer(context), examsConsumer(context), coursesConsumer(context), paymentsConsumer(context), deliveriesConsumer(context)],
  jobs: (context) => [heldDeliveriesJob(context), scheduledNoticesJob(context)],
};
