import { fileURLToPath } from 'node:url';
import type { HttpApp, ServiceContext, ServiceModule } from '@tessera/platform';
import type { AnalyticsDeps } from './app/deps.js';
import { batchesConsumer } from './consumers/batches.js';
import { coursesConsumer } from './consumers/courses.js';
import { analyticsGrants } from './contract/permissions.js';
import { dashboardRoutes } from './http/dashboard.routes.js';
import { eventRoutes } from './http/event.routes.js';
import { windowJobs } from './app/window-jobs.js';

export { AnalyticsEvents, AnalyticsPermissions, analyticsGrants } from './contract/index.js';
export { WINDOWS_CONSUMER } from './consumers/batches.js';
export { COURSES_CONSUMER } from './consumers/courses.js';
export { closeIdleWindows, pruneEventIds } from './app/window-jobs.js';
export { UniqueCounter } from './domain/unique-counter.js';
export { STANDARD_ERROR } from './domain/hyperloglog.js';

function depsOf(context: ServiceContext): AnalyticsDeps {
  return { db: context.db, outbox: context.outbox, logger: context.logger, config: context.config, bus: context.bus };
}

/**
 * The analytics service: learning events in (validated, deduplicated, stored on the bus before the answer), a
 * stream processor that sums them into one-minute windows per tenant and course in event time (watermarks,
 * allowed lateness, exactly-once effects through the inbox), and the dashboards that read them.
 */
export const analyticsService: ServiceModule = {
  name: 'analytics',
  migrations: { schema: 'analytics', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) },
  permissions: analyticsGrants,
  async routes(app: HttpApp, context: ServiceContext) {
    await eventRoutes(app, depsOf(context));
    await dashboardRoutes(app, depsOf(context));
  },
  consumers: (context) => [batchesConsumer(depsOf(context)), coursesConsumer(depsOf(context))],
  jobs: (context) => windowJobs({ ...depsOf(context), tenantDatabases: context.tenantDatabases }),
};
