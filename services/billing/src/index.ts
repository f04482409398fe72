import { fileURLToPath } from 'node:url';
import type { HttpApp, ServiceContext, ServiceModule } from '@tessera/platform';
import type { BillingDeps } from './app/deps.js';
import { providerFrom } from './app/provider-of.js';
import { resumeOrdersJob } from './app/resume-job.js';
import { handleWebhook } from './app/webhooks.js';
import { coursesConsumer } from './consumers/courses.js';
import { enrollmentsConsumer } from './consumers/enrollments.js';
import { billingGrants } from './contract/permissions.js';
import { couponRoutes } from './http/coupon.routes.js';
import { ledgerRoutes } from './http/ledger.routes.js';
import { orderRoutes } from './http/order.routes.js';
import { priceRoutes } from './http/price.routes.js';
import { settingsRoutes } from './http/settings.routes.js';

export { BillingPermissions, BillingEvents, billingGrants } from './contract/index.js';
export { ENROLLMENTS_CONSUMER } from './consumers/enrollments.js';
export { COURSES_CONSUMER } from './consumers/courses.js';
export { resumeOrders } from './app/resume-job.js';
export { TEST_CARDS, THREE_D_SECURE_CODE } from './providers/test-provider.js';

// One provider per process (the test processor keeps its payments in memory), shared by routes, consumers and jobs.
const providers = new WeakMap<ServiceContext, BillingDeps>();

function depsOf(context: ServiceContext): BillingDeps {
  let deps = providers.get(context);
  if (!deps) {
    const sink = async (rawBody: string, headers: Record<string, string>) => { await handleWebhook(built, rawBody, headers); };
    const built: BillingDeps = { db: context.db, outbox: context.outbox, logger: context.logger, config: context.config, provider: providerFrom(context.config, context.logger, sink) };
    deps = built;
    providers.set(context, deps);
  }
  return deps;
}

/**
 * The billing service: prices and coupons, orders paid through a card provider (the enrollment saga: an
 * enrollment waiting for payment opens an order; the captured payment activates it; a decline, a timeout or a
 * cancelled enrollment is compensated), refunds, and a double-entry, append-only ledger of every movement.
 */
export const billingService: ServiceModule = {
  name: 'billing',
  migrations: { schema: 'billing', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) },
  permissions: billingGrants,
  async routes(app: HttpApp, context: ServiceContext) {
    const deps = depsOf(context);
    await settingsRoutes(app, deps);
    await priceRoutes(app, deps);
    await couponRoutes(app, deps);
    await orderRoutes(app, deps);
    await ledgerRoutes(app, deps);
  },
  consumers: (context) => [enrollmentsConsumer(depsOf(context)), coursesConsumer(depsOf(context))],
  jobs: (context) => [resumeOrdersJob({ ...depsOf(context), tenantDatabases: context.tenantDatabases })],
};
