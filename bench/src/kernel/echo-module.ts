import { principalOf, type ServiceModule } from '@tessera/platform';

const EchoBody = {
  type: 'object',
  properties: { tenantId: { type: 'string' }, subject: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } } },
  required: ['tenantId', 'subject', 'roles'],
  additionalProperties: false,
} as const;

const PublicBody = {
  type: 'object',
  properties: { ok: { type: 'boolean' } },
  required: ['ok'],
  additionalProperties: false,
} as const;

/**
 * The smallest service a real route can live in. `GET /api/v1/bench/echo` goes through everything a service
 * route gets from the kit (request id, span, bearer JWT verification, principal, per-user and per-tenant rate
 * limits in the cache, latency metrics, response schema) and does no work of its own, so its cost is the
 * kernel's. `GET /api/v1/bench/public` opts out of authentication (hence of rate limits) to split that cost.
 */
export const echoModule: ServiceModule = {
  name: 'bench',
  async routes(app) {
    app.get('/bench/echo', { config: { permission: 'authenticated' }, schema: { hide: true, response: { 200: EchoBody } } }, async (request) => {
      const { tenantId, subject, roles } = principalOf(request);
      return { tenantId, subject, roles };
    });
    app.get('/bench/public', { config: { permission: 'public' }, schema: { hide: true, response: { 200: PublicBody } } },
      async () => ({ ok: true }));
  },
};
