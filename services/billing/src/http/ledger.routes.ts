import { Type } from '@sinclair/typebox';
import { PUBLIC, personOf, principalOf, type HttpApp } from '@tessera/platform';
import type { BillingDeps } from '../app/deps.js';
import { earningsOf, ledgerBalances } from '../app/ledger.js';
import { handleWebhook } from '../app/webhooks.js';
import { BillingPermissions } from '../contract/permissions.js';
import { Currency, LedgerBalances } from '../contract/schemas.js';

const tags = ['billing'];

/** The ledger's balances for tenant admins, earnings for payees, and the provider's webhooks. */
export async function ledgerRoutes(app: HttpApp, deps: BillingDeps): Promise<void> {
  app.get('/billing/ledger/balances', {
    config: { permission: BillingPermissions.manage },
    schema: {
      tags, summary: 'Every ledger account\'s balance, derived from the postings, and the total per currency (zero: the books balance)',
      querystring: Type.Object({ asOf: Type.Optional(Type.String({ format: 'date-time' })) }), response: { 200: LedgerBalances },
    },
  }, async (request) => ledgerBalances(deps, principalOf(request).tenantId, request.query.asOf ? new Date(request.query.asOf) : null));

  app.get('/billing/earnings', {
    config: { permission: BillingPermissions.earnings },
    schema: {
      tags, summary: 'What the tenant owes you for your sales, per currency, not yet paid out',
      response: { 200: Type.Object({ balances: Type.Array(Type.Object({ currency: Currency, balanceMinor: Type.Integer() })) }) },
    },
  }, async (request) => ({ balances: await earningsOf(deps, personOf(request).tenantId, personOf(request).subject) }));

  await app.register(async (scope) => {
    // The signature covers the exact bytes sent: the body must reach the verifier unparsed.
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 65_536 }, (_request, body, done) => done(null, body));
    scope.post('/billing/webhooks/:provider', {
      config: { permission: PUBLIC },
      schema: {
        tags, summary: 'The payment provider\'s webhooks (signed; 400 when the signature or its timestamp does not verify)',
        params: Type.Object({ provider: Type.String({ pattern: '^[a-z]{1,20}$' }) }),
        response: { 200: Type.Object({ received: Type.Boolean(), applied: Type.Boolean() }) },
      },
    }, async (request) => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
      const { applied } = await handleWebhook(deps, typeof request.body === 'string' ? request.body : '', headers);
      return { received: true, applied };
    });
  });
}
