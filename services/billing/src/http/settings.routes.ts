import { etagOf, personOf, versionFromIfMatch, type HttpApp } from '@tessera/platform';
import type { BillingDeps } from '../app/deps.js';
import { changeSettings, settingsOf } from '../app/settings.js';
import { BillingPermissions } from '../contract/permissions.js';
import { BillingSettings, BillingSettingsInput } from '../contract/schemas.js';

const tags = ['billing'];

/** The tenant's terms: the currency it sells in, the platform's commission, tax, and the refund window. */
export async function settingsRoutes(app: HttpApp, deps: BillingDeps): Promise<void> {
  app.get('/billing/settings', {
    config: { permission: BillingPermissions.manage },
    schema: { tags, summary: 'The tenant\'s billing terms, with their ETag', response: { 200: BillingSettings } },
  }, async (request, reply) => {
    const settings = await settingsOf(deps, personOf(request).tenantId);
    return reply.header('etag', etagOf(settings.version)).send(settings);
  });

  app.put('/billing/settings', {
    config: { permission: BillingPermissions.manage },
    schema: {
      tags, summary: 'Change the tenant\'s billing terms (If-Match: the ETag read); only what the body names changes',
      description: 'Orders already opened keep the terms they were priced with. 412 when the terms changed since you read them.',
      body: BillingSettingsInput, response: { 200: BillingSettings },
    },
  }, async (request, reply) => {
    const settings = await changeSettings(deps, personOf(request).tenantId, versionFromIfMatch(request), request.body);
    return reply.header('etag', etagOf(settings.version)).send(settings);
  });
}
