import type { HttpApp } from '@tessera/platform';
import type { BillingDeps } from '../app/deps.js';
import { BillingPermissions } from '../contract/permissions.js';
import { BillingProvider } from '../contract/schemas.js';

const tags = ['billing'];

/** Which processor the checkout talks to, so it shows test cards only where they work. */
export async function providerRoutes(app: HttpApp, deps: BillingDeps): Promise<void> {
  app.get('/billing/provider', {
    config: { permission: BillingPermissions.buy },
    schema: { tags, summary: 'The card processor payments go through, and whether it is in test mode', response: { 200: BillingProvider } },
  }, async (): Promise<BillingProvider> => ({ provider: deps.provider.name, testMode: deps.provider.testMode }));
}
