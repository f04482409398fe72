import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AUTHENTICATED, PUBLIC, type Permissions } from '../auth/permissions.js';
import type { SessionRevocations } from '../auth/session-revocations.js';
import type { AccessTokens, Principal } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import type { Metrics } from '../observability/metrics.js';
import type { TenantRegistry } from '../tenancy/tenant-registry.js';

/** Verifies a credential other than an access JWT (an API key), recognised by its prefix. */
export interface CredentialVerifier {
  /** The start of every credential of this kind, e.g. `tsk_`. */
  prefix: string;
  verify(credential: string): Promise<Principal>;
}

export interface AuthenticationOptions {
  tokens: AccessTokens;
  tenants: TenantRegistry;
  revocations: SessionRevocations;
  permissions: Permissions;
  credentials: CredentialVerifier[];
  metrics: Metrics;
}

/**
 * Authenticates and authorizes every API route by the permission it declares (`config.permission`):
 * `public` routes are open; any other needs a verified credential (an access JWT, or an API key), an
 * active tenant that matches the host it was sent to, and — unless the permission is `authenticated` —
 * a role or API key scope holding the permission. The tenant of a request comes from the credential only.
 */
export function installAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('permissions', undefined);
  app.addHook('onRoute', (route) => assertRouteDeclaresPermission(route, options.permissions));
  app.addHook('preValidation', async (request) => {
    const { auth, permission } = request.routeOptions.config;
    if (auth === false || permission === PUBLIC || request.is404) return;
    if (permission === undefined && !request.routeOptions.url?.startsWith('/api/')) return;
    const principal = await authenticate(bearerToken(request), options);
    if (principal.sessionId && await options.revocations.isRevoked(principal.sessionId)) {
      throw new AppError('unauthorized', 'AUTH.SESSION_REVOKED', 'This session was signed out; sign in again');
    }
    await assertTenantMayAct(principal, request, options.tenants);
    request.principal = principal;
    request.permissions = principal.scopes ? new Set(principal.scopes) : options.permissions.ofRoles(principal.roles);
    request.log = request.log.child({ tenantId: principal.tenantId, userId: principal.subject });
    options.metrics.tenantRequests.inc({ tenant: principal.tenantId });
    if (permission && permission !== AUTHENTICATED && !request.permissions.has(permission)) {
      throw new AppError('forbidden', 'AUTH.PERMISSION_REQUIRED', `This operation needs the permission "${permission}"`);
    }
  });
}

/** Routes under /api/ must name a permission that some service declared: a route with none fails at start. */
function assertRouteDeclaresPermission(route: { url: string; method: string | string[]; config?: { permission?: string; auth?: unknown } }, permissions: Permissions): void {
  if (!route.url.startsWith('/api/')) return;
  const permission = route.config?.permission;
  const where = `${String(route.method)} ${route.url}`;
  if (permission === undefined) throw new Error(`Route ${where} declares no permission (config.permission)`);
  if (!permissions.isKnown(permission)) throw new Error(`Route ${where} needs the undeclared permission "${permission}"`);
}

async function authenticate(credential: string, options: AuthenticationOptions): Promise<Principal> {
  const verifier = options.credentials.find((candidate) => credential.startsWith(candidate.prefix));
  return verifier ? verifier.verify(credential) : options.tokens.verify(credential);
}

/** A suspended, deleted or unknown tenant cannot act; a credential of tenant A is refused on tenant B's host. */
async function assertTenantMayAct(principal: Principal, request: FastifyRequest, tenants: TenantRegistry): Promise<void> {
  const tenant = await tenants.get(principal.tenantId);
  if (!tenant || tenant.status === 'deleted' || tenant.status === 'provisioning') {
    throw new AppError('unauthorized', 'AUTH.UNKNOWN_TENANT', 'The credential names a tenant that does not exist');
  }
  if (tenant.status === 'suspended') throw new AppError('forbidden', 'TENANT.SUSPENDED', 'This institution is suspended');
  const hostTenant = await tenantOfHost(request.hostname, tenants);
  if (hostTenant && hostTenant !== tenant.id) {
    throw new AppError('unauthorized', 'AUTH.TENANT_MISMATCH', 'The credential belongs to another institution than this address');
  }
}

/** The tenant addressed by a `<slug>.<domain>` host, if the first label is a registered slug. */
export async function tenantOfHost(hostname: string, tenants: TenantRegistry): Promise<string | undefined> {
  const host = hostname.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (isIP(host) || !host.includes('.')) return undefined;
  const label = host.split('.')[0] ?? '';
  return (await tenants.bySlug(label))?.id;
}

/** The subprotocol prefix that carries an access token on a browser's WebSocket upgrade. */
export const WEBSOCKET_BEARER_PROTOCOL = 'tessera.bearer.';

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  const token = match?.[1] ?? webSocketBearer(request);
  if (!token) throw new AppError('unauthorized', 'AUTH.TOKEN_MISSING', 'Send an access token as "Authorization: Bearer <token>"');
  return token;
}

/**
 * Browsers cannot set headers on a WebSocket, only subprotocols: an upgrade may carry the token as the protocol
 * `tessera.bearer.<token>` (JWTs are valid protocol tokens). The server never echoes it back (it answers with
 * another protocol the client offered), and only upgrades read it, so a plain request cannot use it.
 */
function webSocketBearer(request: FastifyRequest): string | undefined {
  if (request.headers.upgrade?.toLowerCase() !== 'websocket') return undefined;
  const offered = String(request.headers['sec-websocket-protocol'] ?? '').split(',').map((protocol) => protocol.trim());
  return offered.find((protocol) => protocol.startsWith(WEBSOCKET_BEARER_PROTOCOL))?.slice(WEBSOCKET_BEARER_PROTOCOL.length) || undefined;
}

/** The principal of an authenticated route (the auth hook guarantees it). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthorized', 'AUTH.TOKEN_MISSING', 'This route requires authentication');
  return request.principal;
}

/** True when the caller of an authenticated route holds `permission` (for object-level checks in handlers). */
export function hasPermission(request: FastifyRequest, permission: string): boolean {
  return request.permissions?.has(permission) ?? false;
}

/**
 * The object-level check for owned resources: the caller owns the object (`ownerId` is their subject) or holds
 * `permission`, which lets them act on anyone's. Otherwise 403 `AUTH.NOT_OWNER`; the object exists in the
 * caller's tenant (RLS already hid other tenants'), so saying so leaks nothing.
 */
export function assertOwnerOr(request: FastifyRequest, ownerId: string | null | undefined, permission: string): void {
  if (ownerId && ownerId === principalOf(request).subject) return;
  if (hasPermission(request, permission)) return;
  throw new AppError('forbidden', 'AUTH.NOT_OWNER', `Only its owner or a holder of ${permission} may do this`);
}

/**
 * The principal of a signed-in person, for routes about "me" (own enrollments, own progress): an API key acts
 * for its tenant, not for a user, so it gets 403 `AUTH.USER_ONLY` rather than someone's data.
 */
export function personOf(request: FastifyRequest): Principal & { kind: 'user' } {
  const principal = principalOf(request);
  if (principal.kind !== 'user') throw new AppError('forbidden', 'AUTH.USER_ONLY', 'Only a signed-in person can use this route; API keys cannot');
  return principal as Principal & { kind: 'user' };
}

/** Who to record as having done something: the user, or null for an API key (which is no user id). */
export function actingUserId(principal: Principal): string | null {
  return principal.kind === 'user' ? principal.subject : null;
}
