import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessTokens } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import type { Metrics } from '../observability/metrics.js';

/**
 * Authenticates API routes (under `/api/`, or any route with an `auth` config) unless they opt out with
 * `config.auth: false`: the bearer token is verified
 * against the signing keys and becomes `request.principal`; the tenant of a request comes from there only.
 */
export function installAuthentication(app: FastifyInstance, tokens: AccessTokens, metrics: Metrics): void {
  app.decorateRequest('principal', undefined);
  app.addHook('preValidation', async (request) => {
    const auth = request.routeOptions.config.auth;
    if (auth === false || request.is404) return;
    if (auth === undefined && !request.routeOptions.url?.startsWith('/api/')) return;
    request.principal = await tokens.verify(bearerToken(request));
    request.log = request.log.child({ tenantId: request.principal.tenantId, userId: request.principal.subject });
    metrics.tenantRequests.inc({ tenant: request.principal.tenantId });
    const allowed = auth?.roles;
    if (allowed && !allowed.some((role) => request.principal?.roles.includes(role))) {
      throw new AppError('forbidden', 'AUTH.ROLE_REQUIRED', `This operation needs one of the roles: ${allowed.join(', ')}`);
    }
  });
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw new AppError('unauthorized', 'AUTH.TOKEN_MISSING', 'Send an access token as "Authorization: Bearer <token>"');
  return match[1];
}

/** The principal of an authenticated route (the auth hook guarantees it). */
export function principalOf(request: FastifyRequest) {
  if (!request.principal) throw new AppError('unauthorized', 'AUTH.TOKEN_MISSING', 'This route requires authentication');
  return request.principal;
}
