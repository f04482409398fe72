import { Type } from '@sinclair/typebox';
import { Page, PageQuery, principalOf, type HttpApp } from '@tessera/platform';
import type { IdentityDeps } from '../app/deps.js';
import { createApiKey, listTenantApiKeys, revokeTenantApiKey } from '../app/manage-api-keys.js';
import { ApiKey, CreateApiKeyBody, CreatedApiKey } from '../contract/api-keys.js';
import { IdentityPermissions } from '../contract/permissions.js';
import { IdParams } from '../contract/schemas.js';

const tags = ['api keys'];
const manage = { permission: IdentityPermissions.manageApiKeys };

/** A tenant admin's API keys: credentials for integrations, each limited to the permissions it was given. */
export async function apiKeyRoutes(app: HttpApp, deps: IdentityDeps): Promise<void> {
  app.post('/api-keys', {
    config: { ...manage, idempotent: true },
    schema: {
      tags,
      summary: 'Create an API key (the full key is in this response only)',
      description: 'Scopes must be declared permissions that you hold yourself. Send the key as `Authorization: Bearer tsk_…`.',
      body: CreateApiKeyBody,
      response: { 201: CreatedApiKey },
    },
  }, async (request, reply) => {
    const created = await createApiKey(deps, principalOf(request), request.body);
    return reply.code(201).header('cache-control', 'no-store').header('location', `/api/v1/api-keys/${created.id}`).send(created);
  });

  app.get('/api-keys', {
    config: manage,
    schema: { tags, summary: 'List your tenant\'s API keys, newest first (never their secrets)', querystring: PageQuery, response: { 200: Page(ApiKey) } },
  }, async (request) => listTenantApiKeys(deps, principalOf(request).tenantId, request.query.limit, request.query.cursor));

  app.delete('/api-keys/:id', {
    config: manage,
    schema: {
      tags,
      summary: 'Revoke an API key',
      description: 'It stops working at once on this server and within 30 seconds everywhere; it stays listed with `revokedAt`.',
      params: IdParams,
      response: { 204: Type.Null() },
    },
  }, async (request, reply) => {
    await revokeTenantApiKey(deps, principalOf(request).tenantId, request.params.id);
    return reply.code(204).send(null);
  });
}
