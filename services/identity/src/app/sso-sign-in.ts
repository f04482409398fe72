import { AppError, isAppError } from '@tessera/platform';
import type { IdentityDatabase } from '../db/identity.table.js';
import { deleteExpiredSsoLogins, insertSsoLogin, takeSsoLogin, type SsoLoginRow } from '../db/sso.repository.js';
import { consumeBudget } from '../domain/attempt-throttle.js';
import { hashSecret, issueToken, readToken, sameDigest } from '../domain/opaque-tokens.js';
import { beginOidcLogin, completeOidcLogin } from '../sso/oidc-client.js';
import type { IdentityDeps } from './deps.js';
import { appLink } from './send-mail.js';
import type { ClientInfo } from './sessions.js';
import { startSession } from './sessions.js';
import { issueMfaChallenge, secondFactorNeeded, type SignInResult } from './sign-in.js';
import { accountForIdentity, SsoAccountRefused } from './sso-account.js';
import { enabledSsoConnection, ssoRedirectUri } from './sso-connection.js';
import { storeHandoff, takeHandoff } from './sso-handoff.js';

/** How long a user may spend at the identity provider. */
export const SSO_LOGIN_MS = 10 * 60_000;

/** A login on its way to the provider: where to send the browser, and the value that binds it to this browser. */
export interface StartedSsoLogin {
  authorizationUrl: string;
  /** Kept in a cookie of this browser: the callback and the exchange must come from the browser that started. */
  binding: string;
}

/**
 * Starts an SSO sign-in for the tenant named by `slug`. The state sent to the provider is an opaque token
 * naming the tenant (so the callback knows whose database holds the login) whose hash keys the PKCE verifier
 * and nonce kept server-side for {@link SSO_LOGIN_MS}.
 */
export async function startSsoLogin(
  deps: IdentityDeps,
  input: { slug: string; returnTo: string | undefined },
  client: ClientInfo,
): Promise<StartedSsoLogin> {
  await consumeBudget(deps.cache, 'sso-start-ip', client.ip ?? 'unknown', deps.config.SIGN_IN_PER_IP_PER_MINUTE);
  const tenant = await deps.tenants.bySlug(input.slug);
  const connection = tenant?.status === 'active' ? await enabledSsoConnection(deps, tenant.id) : undefined;
  if (!tenant || !connection) {
    throw new AppError('not_found', 'SSO.NOT_AVAILABLE', `Single sign-on is not available for "${input.slug}"`);
  }
  const pending = await beginOidcLogin(connection, ssoRedirectUri(deps));
  const state = issueToken(tenant.id);
  const authorizationUrl = new URL(pending.authorizationUrl);
  authorizationUrl.searchParams.set('state', state.token);
  const login: SsoLoginRow = {
    state: state.hash, tenant_id: tenant.id, nonce: pending.nonce, code_verifier: pending.codeVerifier,
    return_to: input.returnTo ?? null, expires_at: new Date(Date.now() + SSO_LOGIN_MS),
  };
  await deps.db.withTenant<IdentityDatabase, void>(tenant.id, async (tx) => {
    await deleteExpiredSsoLogins(tx, tenant.id);
    await insertSsoLogin(tx, login);
  });
  return { authorizationUrl: authorizationUrl.href, binding: state.token };
}

/**
 * Finishes an SSO sign-in from the provider's redirect back (`callbackUrl`) and answers where to send the
 * browser: the app with a one-time code for the outcome, or the sign-in page with `error=sso_failed`. It never
 * throws: every failure (forged or replayed state, refused login, unusable account, outage) is logged and
 * ends on the error page.
 */
export async function finishSsoLogin(deps: IdentityDeps, callbackUrl: URL, binding: string | undefined, client: ClientInfo): Promise<string> {
  const stateToken = callbackUrl.searchParams.get('state') ?? '';
  const parsed = readToken(stateToken);
  try {
    if (!parsed) return failed(deps, undefined, 'state_malformed');
    if (binding === undefined || !sameDigest(hashSecret(binding), hashSecret(stateToken))) return failed(deps, parsed.tenantId, 'other_browser');
    const tenant = await deps.tenants.get(parsed.tenantId);
    if (tenant?.status !== 'active') return failed(deps, parsed.tenantId, 'tenant_not_active');
    const login = await deps.db.withTenant<IdentityDatabase, SsoLoginRow | undefined>(parsed.tenantId, (tx) =>
      takeSsoLogin(tx, parsed.tenantId, parsed.hash));
    if (!login || login.expires_at < new Date()) return failed(deps, parsed.tenantId, login ? 'state_expired' : 'state_unknown');
    const connection = await enabledSsoConnection(deps, parsed.tenantId);
    if (!connection) return failed(deps, parsed.tenantId, 'connection_disabled');

    const identity = await completeOidcLogin(connection, ssoRedirectUri(deps), callbackUrl, {
      state: stateToken, nonce: login.nonce, codeVerifier: login.code_verifier,
    });
    const { user, created } = await accountForIdentity(deps, parsed.tenantId, identity, connection.defaultRoles);
    const outcome = await outcomeFor(deps, user, client);
    const code = await storeHandoff(deps, outcome, binding);
    deps.logger.info({ tenantId: parsed.tenantId, userId: user.id, created, status: outcome.status }, 'SSO sign-in');
    return appLink(deps, '/sso-complete', { code, returnTo: login.return_to ?? '/' });
  } catch (error) {
    return failed(deps, parsed?.tenantId, reasonOf(error), error);
  }
}

/** The outcome of an SSO sign-in, once, for the browser that started it (401 AUTH.INVALID_HANDOFF otherwise). */
export async function exchangeSsoCode(deps: IdentityDeps, code: string, binding: string | undefined): Promise<SignInResult> {
  return takeHandoff(deps, code, binding);
}

/** The provider vouched for the first factor; the tenant's MFA policy decides whether that is enough. */
async function outcomeFor(deps: IdentityDeps, user: Parameters<typeof startSession>[1], client: ClientInfo): Promise<SignInResult> {
  const secondFactor = await secondFactorNeeded(deps, user);
  if (secondFactor) return { status: secondFactor, challenge: await issueMfaChallenge(deps, user, ['fed']) };
  return { status: 'signed_in', tokens: await startSession(deps, user, ['fed'], client) };
}

function failed(deps: IdentityDeps, tenantId: string | undefined, reason: string, error?: unknown): string {
  const expected = error === undefined || isAppError(error) || error instanceof SsoAccountRefused;
  const details = { tenantId, reason, ...(expected ? {} : { err: error }) };
  if (expected) deps.logger.warn(details, 'SSO sign-in failed');
  else deps.logger.error(details, 'SSO sign-in failed unexpectedly');
  return appLink(deps, '/sign-in', { error: 'sso_failed' });
}

function reasonOf(error: unknown): string {
  if (error instanceof SsoAccountRefused) return error.reason;
  if (isAppError(error)) return typeof error.details?.reason === 'string' ? `${error.code}:${error.details.reason}` : error.code;
  return 'internal_error';
}
