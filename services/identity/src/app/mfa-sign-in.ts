import { AppError, type Tx } from '@tessera/platform';
import type { TokenPair } from '../contract/schemas.js';
import type { TotpEnrolment } from '../contract/mfa.js';
import type { IdentityDatabase, UserRow } from '../db/identity.table.js';
import { countTokenAttempt, findLiveToken, markTokenUsed } from '../db/one-time-token.repository.js';
import { findTotp } from '../db/mfa.repository.js';
import { findUserById } from '../db/user.repository.js';
import { consumeBudget } from '../domain/attempt-throttle.js';
import { readToken } from '../domain/opaque-tokens.js';
import type { IdentityDeps } from './deps.js';
import { secretBoxOf } from './secret-box-of.js';
import {
  beginTotpEnrolment, invalidCode, issueRecoveryCodes, spendSecondFactor, spendTotpCode, TOTP_METHODS, type SecondFactorProof,
} from './second-factor.js';
import { startSession, type ClientInfo } from './sessions.js';

type Db = Tx<IdentityDatabase>;

/** Wrong codes a challenge survives; the next sign-in must start again from the password. */
const MAX_CHALLENGE_ATTEMPTS = 5;

/** A live sign-in challenge: whose it is and the methods of the first factor (`pwd`, `fed`). */
interface OpenChallenge {
  tenantId: string;
  hash: string;
  user: UserRow;
  methods: string[];
}

/** Completes a sign-in with an authenticator code or a recovery code (which then is spent). */
export async function verifyMfaChallenge(
  deps: IdentityDeps,
  input: { challenge: string } & SecondFactorProof,
  client: ClientInfo,
): Promise<{ status: 'signed_in'; tokens: TokenPair }> {
  const challenge = await openChallenge(deps, input.challenge, client);
  const box = await secretBoxOf(deps);
  const methods = await answerChallenge(deps, challenge, (tx) => spendSecondFactor(tx, box, challenge.user, input));
  return { status: 'signed_in', tokens: await startSession(deps, challenge.user, sessionMethods(challenge, methods), client) };
}

/** For `mfa_setup_required`: a new authenticator secret for the user of the challenge, which stays live. */
export async function startMfaSetup(deps: IdentityDeps, challengeToken: string, client: ClientInfo): Promise<TotpEnrolment> {
  const challenge = await openChallenge(deps, challengeToken, client);
  return beginTotpEnrolment(deps, challenge.user);
}

/** Confirms the setup with a first code and completes the sign-in; the recovery codes are shown this once. */
export async function confirmMfaSetup(
  deps: IdentityDeps,
  input: { challenge: string; code: string },
  client: ClientInfo,
): Promise<{ status: 'signed_in'; tokens: TokenPair; recoveryCodes: string[] }> {
  const challenge = await openChallenge(deps, input.challenge, client);
  const box = await secretBoxOf(deps);
  const recoveryCodes = await answerChallenge(deps, challenge, async (tx) => {
    const totp = await findTotp(tx, challenge.tenantId, challenge.user.id);
    if (!totp || totp.confirmed_at) {
      throw new AppError('conflict', 'MFA.NOT_STARTED', 'Start the setup first (POST /auth/mfa/setup), or verify with your existing app');
    }
    return (await spendTotpCode(tx, box, challenge.user, input.code, 'pending')) ? issueRecoveryCodes(tx, challenge.user) : undefined;
  });
  deps.logger.info({ tenantId: challenge.tenantId, userId: challenge.user.id }, 'TOTP enrolled at sign-in');
  const tokens = await startSession(deps, challenge.user, sessionMethods(challenge, TOTP_METHODS), client);
  return { status: 'signed_in', tokens, recoveryCodes };
}

/**
 * The challenge named by `token` if it is live and its user may still sign in. Forged, expired, spent and
 * another tenant's challenges are all the same 401, checked before any code is.
 */
async function openChallenge(deps: IdentityDeps, token: string, client: ClientInfo): Promise<OpenChallenge> {
  await consumeBudget(deps.cache, 'mfa-ip', client.ip ?? 'unknown', deps.config.SIGN_IN_PER_IP_PER_MINUTE);
  const parsed = readToken(token);
  if (!parsed) throw invalidChallenge();
  const tenant = await deps.tenants.get(parsed.tenantId);
  if (tenant?.status === 'suspended') throw new AppError('forbidden', 'TENANT.SUSPENDED', 'This institution is suspended');
  if (tenant?.status !== 'active') throw invalidChallenge();
  const found = await deps.db.withTenant<IdentityDatabase, { user: UserRow; methods: string[] } | undefined>(parsed.tenantId, async (tx) => {
    const live = await findLiveToken(tx, parsed.tenantId, parsed.hash, 'mfa_challenge');
    const user = live ? await findUserById(tx, parsed.tenantId, live.user_id) : undefined;
    return live && user?.status === 'active' ? { user, methods: methodsOf(live.data) } : undefined;
  });
  if (!found) throw invalidChallenge();
  return { tenantId: parsed.tenantId, hash: parsed.hash, ...found };
}

/**
 * Runs `check` against the challenge, locked: a right answer spends the challenge; a wrong one counts against
 * it (it dies at the limit) and against the user's lockout, and is committed before the 401 is thrown.
 */
async function answerChallenge<T>(deps: IdentityDeps, challenge: OpenChallenge, check: (tx: Db) => Promise<T | undefined>): Promise<T> {
  const { tenantId, hash } = challenge;
  const throttleKey = `${tenantId}:${challenge.user.id}`;
  await deps.mfaThrottle.assertAllowed(throttleKey);
  type Outcome = { kind: 'answered'; value: T } | { kind: 'wrong' } | { kind: 'gone' };
  const outcome = await deps.db.withTenant<IdentityDatabase, Outcome>(tenantId, async (tx) => {
    if (!(await findLiveToken(tx, tenantId, hash, 'mfa_challenge'))) return { kind: 'gone' };
    const value = await check(tx);
    if (value === undefined) {
      if ((await countTokenAttempt(tx, tenantId, hash)) >= MAX_CHALLENGE_ATTEMPTS) await markTokenUsed(tx, tenantId, hash);
      return { kind: 'wrong' };
    }
    await markTokenUsed(tx, tenantId, hash);
    return { kind: 'answered', value };
  });
  if (outcome.kind === 'gone') throw invalidChallenge();
  if (outcome.kind === 'wrong') {
    await deps.mfaThrottle.recordFailure(throttleKey);
    throw invalidCode();
  }
  await deps.mfaThrottle.recordSuccess(throttleKey);
  return outcome.value;
}

/** The first factor's methods followed by the second's, each once. */
function sessionMethods(challenge: OpenChallenge, added: string[]): string[] {
  return [...new Set([...challenge.methods, ...added])];
}

function methodsOf(data: Record<string, unknown>): string[] {
  const methods = data.methods;
  return Array.isArray(methods) ? methods.filter((method): method is string => typeof method === 'string') : [];
}

function invalidChallenge(): AppError {
  return new AppError('unauthorized', 'AUTH.INVALID_CHALLENGE', 'The sign-in has expired or is not valid; sign in again');
}
