import { fileURLToPath } from 'node:url';
import { DEMO_TENANT_ID } from '@tessera/identity';
import type { ServiceModule } from '@tessera/platform';
import { createPing } from './app/create-ping.js';
import { recordReceiptConsumer } from './consumers/record-receipt.js';
import { ExamplePermissions } from './contract/index.js';
import { pingRoutes } from './http/ping.routes.js';

export { ExampleEvents, ExamplePermissions } from './contract/index.js';
export { RECEIPTS_CONSUMER } from './consumers/record-receipt.js';


/**
 * The example service: kept deliberately small, it proves the kernel end to end (HTTP command → row +
 * outbox event → relay → bus → idempotent consumer, possibly in another process).
 */
export const exampleService: ServiceModule = {
  name: 'example',
  migrations: { schema: 'example', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) },
  routes: pingRoutes,
  permissions: {
    [ExamplePermissions.read]: ['student', 'instructor', 'tutor', 'tenant_admin'],
    [ExamplePermissions.write]: ['student', 'instructor', 'tutor', 'tenant_admin'],
    [ExamplePermissions.moderate]: ['instructor', 'tenant_admin'],
  },
  consumers: (context) => [recordReceiptConsumer(context.db)],
  async seedDemo(context) {
    const existing = await context.db.withTenant(DEMO_TENANT_ID, (tx) =>
      tx.selectFrom('example.pings' as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
    if (Number(existing?.n ?? 0) === 0) await createPing(context, DEMO_TENANT_ID, null, 'Welcome to Tessera');
  },
};
