import { fileURLToPath } from 'node:url';
import type { HttpApp, ServiceContext, ServiceModule } from '@tessera/platform';
import type { BillingDeps } from './app/deps.js';
import { payoutRunJob } from './app/payout-job.js';
import { providerFrom, type WebhookSink } from './app/provider-of.js';
import type { PaymentProvider } from './providers/provider.js';
import { resumeOrdersJob } from './app/resume-job.js';
import { seedDemoBilling } from './app/seed-demo.js';
import { handleWebhook } from './app/webhooks.js';
import { coursesConsumer } from './consumers/courses.js';
import { enrollmentsConsumer } from './consumers/enrollments.js';
import { billingGrants } from './contract/permissions.js';
import { couponRoutes } from './http/coupon.routes.js';
import { ledgerRoutes } from './http/ledger.routes.js';
import { orderRoutes } from './http/order.routes.js';
import { payoutRoutes } from './http/payout.routes.js';
import { priceRoutes } from './http/price.routes.js';
import { providerRoutes } from './http/provider.routes.js';
import { refundRoutes } from './http/refund.routes.js';
import { reportRoutes } from './http/report.routes.js';
import { settingsRoutes } from './http/settings.routes.js';

export { BillingPermissions, BillingEvents, billingGrants } from './contract/index.js';
export { ENROLLMENTS_CONSUMER } from './consumers/enrollments.js';
export { COURSES_CONSUMER } from './consumers/courses.js';
export { resumeOrders } from './app/resume-job.js';
export { DEMO_PRICE_MINOR } from './app/seed-demo.js';
export { TEST_CARDS, THREE_D_SECURE_CODE, createTestProvider, type TestPaymentProvider } from './providers/test-provider.js';
export type { PaymentProvider } from './providers/provider.js';

/** Makes the payment provider of a process; webhooks it sends in-process go to `sink`. */
export type ProviderFactory = (context: ServiceContext, sink: WebhookSink) => PaymentProvider;

/**
 * The billing service: prices and coupons, orders paid through a card provider (the enrollment saga: an
 * enrollment waiting for payment opens an order; the captured payment activates it; a decline, a timeout or a
 * cancelled enrollment is compensated), refunds, and a double-entry, append-only ledger of every movement.
 * `makeProvider` replaces the configured provider (tests put a processor with unreliable webhooks there).
 */
export function createBillingService(makeProvider: ProviderFactory = (context, sink) => providerFrom(context.config, context.logger, sink)): ServiceModule {
  // One provider per process (the test processor keeps its payments in memory), shared by routes, consumers and jobs.
  const perProcess = new WeakMap<ServiceContext, BillingDeps>();
  const depsOf = (context: ServiceContext): BillingDeps => {
    const known = perProcess.get(context);
    if (known) return known;
    const deps: BillingDeps = {
      db: context.db, outbox: context.outbox, logger: context.logger, config: context.config,
      provider: makeProvider(context, async (rawBody, headers) => { await handleWebhook(deps, rawBody, headers); }),
    };
    perProcess.set(context, deps);
    return deps;
  };
  return {
    name: 'billing',
    migrations: { schema: 'billing', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) },
    permissions: billingGrants,
    seedDemo: seedDemoBilling,
    async routes(app: HttpApp, context: ServiceContext) {
      const deps = depsOf(context);
      await settingsRoutes(app, deps);
      await priceRoutes(app, deps);
      await couponRoutes(app, deps);
      await orderRoutes(app, deps);
      await ledgerRoutes(app, deps);
      await refundRoutes(app, deps);
      await payoutRoutes(app, deps);
      await reportRoutes(app, deps);
      await providerRoutes(app, deps);
    },
    consumers: (context) => [enrollmentsConsumer(depsOf(context)), coursesConsumer(depsOf(context))],
    jobs: (context) => {
      const deps = { ...depsOf(context), tenantDatabases: context.tenantDatabases };
      return [resumeOrdersJob(deps), payoutRunJob(deps)];
    },
  };
}

export const billingService: ServiceModule = createBillingService();
