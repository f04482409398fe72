import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { createVerifier, TokenError } from 'fast-jwt';
import { SignJWT, type JWK, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors.js';
import { SIGNING_ALGORITHM, type SigningKeys } from './signing-keys.js';
import { CLOCK_SKEW_SECONDS as CLOCK_SKEW_S, MAX_ACCESS_TOKEN_SECONDS } from './token-lifetime.js';

export { MAX_ACCESS_TOKEN_SECONDS };

/** The keys tokens are signed and verified with: the platform's `SigningKeys`, or a fixed set (benches). */
export type TokenKeys = Pick<SigningKeys, 'current' | 'jwks' | 'reloadForUnknownKey'>;

/** Who is calling, taken only from a verified credential. */
export interface Principal {
  /** A signed-in user (access JWT) or an integration (API key). */
  kind: 'user' | 'api_key';
  subject: string;
  tenantId: string;
  roles: string[];
  tokenId: string | undefined;
  /** When the token expires, in seconds since the epoch. */
  expiresAt: number;
  /** The sign-in session the token belongs to (users only). */
  sessionId?: string | undefined;
  /** An API key's permissions; undefined for users, whose roles decide. */
  scopes?: string[] | undefined;
}

const VERIFIED_TTL_MS = 60_000;
const TOKEN_TYPE = 'at+jwt';
/** Longer than any token we issue; a longer one is refused before its header is even decoded. */
const MAX_TOKEN_LENGTH = 8192;

interface TokenClaims extends JWTPayload {
  tid?: unknown;
  roles?: unknown;
  sid?: unknown;
  amr?: unknown;
}

/** What an access token says about its holder. */
export interface AccessClaims {
  subject: string;
  tenantId: string;
  roles: string[];
  ttlSeconds?: number;
  tokenId?: string;
  sessionId?: string;
  /** Authentication methods used (RFC 8176: `pwd`, `otp`, `fed`). */
  amr?: string[];
}

type Verify = (token: string) => TokenClaims;

/**
 * Signs and verifies short-lived access JWTs (`kid` in the header, issuer, audience, tenant, roles, type
 * `at+jwt`). Signing uses jose; verification — on every request of every service — uses fast-jwt's synchronous
 * verifier, one per published key, which checks the signature with the key the `kid` names and only with the
 * algorithm that key was made for (so neither `alg: none` nor an HMAC keyed with a public key can pass).
 */
export class AccessTokens {
  private verifiers: { jwks: object; byKid: Map<string, Verify> } | undefined;
  // A token is sent with every request for up to 15 minutes; verifying its signature once and remembering
  // the result until shortly before it expires takes the signature check off the hot path. A remembered
  // token still needs its key in the key set, so retiring a key refuses its tokens at once.
  // Sized for an exam sitting: every student of a large exam submits within the TTL (a few hundred bytes each).
  private readonly verified = new LRUCache<string, { principal: Principal; kid: string }>({ max: 200_000, ttl: VERIFIED_TTL_MS });

  constructor(
    private readonly keys: TokenKeys,
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  async issue(claims: AccessClaims): Promise<string> {
    const ttl = Math.min(claims.ttlSeconds ?? MAX_ACCESS_TOKEN_SECONDS, MAX_ACCESS_TOKEN_SECONDS);
    const key = await this.keys.current();
    const extra = { ...(claims.sessionId ? { sid: claims.sessionId } : {}), ...(claims.amr ? { amr: claims.amr } : {}) };
    const jwt = new SignJWT({ tid: claims.tenantId, roles: claims.roles, ...extra })
      .setProtectedHeader({ alg: key.algorithm, kid: key.kid, typ: TOKEN_TYPE })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(claims.subject)
      .setIssuedAt()
      .setExpirationTime(`${ttl}s`);
    if (claims.tokenId) jwt.setJti(claims.tokenId);
    return jwt.sign(key.privateKey);
  }

  /** Verifies a token; any failure is an `unauthorized` AppError that says why without leaking internals. */
  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && (await this.verifierSet()).has(known.kid)) return known.principal;
    const kid = keyIdOf(token);
    const principal = toPrincipal(await this.verifySignature(token, kid));
    const ttl = Math.min(VERIFIED_TTL_MS, principal.expiresAt * 1000 - Date.now());
    if (ttl > 0) this.verified.set(token, { principal, kid }, { ttl });
    return principal;
  }

  private async verifySignature(token: string, kid: string): Promise<TokenClaims> {
    let verify = (await this.verifierSet()).get(kid);
    if (!verify) {
      // Perhaps a key another process has just rotated in: reload (rate-limited) before refusing.
      await this.keys.reloadForUnknownKey();
      verify = (await this.verifierSet()).get(kid);
    }
    if (!verify) throw invalid('The access token is signed with an unknown key');
    try {
      return checkTimes(verify(token));
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof TokenError && error.code === TokenError.codes.expired) {
        throw new AppError('unauthorized', 'AUTH.TOKEN_EXPIRED', 'The access token has expired');
      }
      throw invalid('The access token is not valid');
    }
  }

  private async verifierSet(): Promise<Map<string, Verify>> {
    const jwks = await this.keys.jwks();
    if (this.verifiers?.jwks !== jwks) {
      // The set is reloaded every minute; keys it still holds keep their verifier rather than being imported again.
      const previous = this.verifiers?.byKid;
      const byKid = new Map<string, Verify>();
      for (const jwk of jwks.keys) if (jwk.kid) byKid.set(jwk.kid, previous?.get(jwk.kid) ?? this.verifierFor(jwk));
      this.verifiers = { jwks, byKid };
    }
    return this.verifiers.byKid;
  }

  private verifierFor(jwk: JWK): Verify {
    const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' }).toString();
    const algorithm = (jwk.alg ?? SIGNING_ALGORITHM) as 'RS256';
    return createVerifier({
      key,
      algorithms: [algorithm],
      allowedIss: this.issuer,
      allowedAud: this.audience,
      checkTyp: TOKEN_TYPE,
      requiredClaims: ['iss', 'aud', 'sub', 'exp', 'iat'],
      clockTolerance: CLOCK_SKEW_S * 1000,
      cache: false,
    }) as Verify;
  }
}

/** The `kid` of a compact JWS, read from its header only to choose the verifier (which checks everything). */
function keyIdOf(token: string): string {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > MAX_TOKEN_LENGTH) throw invalid('The access token is not a JWT');
  try {
    const header = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8')) as { kid?: unknown };
    if (typeof header.kid === 'string' && header.kid.length > 0) return header.kid;
  } catch {
    // falls through
  }
  throw invalid('The access token names no signing key');
}

/** Refuses tokens issued in the future or living longer than any token we issue. */
function checkTimes(claims: TokenClaims): TokenClaims {
  const now = Math.floor(Date.now() / 1000);
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number' || iat > now + CLOCK_SKEW_S || exp - iat > MAX_ACCESS_TOKEN_SECONDS + CLOCK_SKEW_S) {
    throw invalid('The access token has an impossible lifetime');
  }
  return claims;
}

function toPrincipal(payload: TokenClaims): Principal {
  const { sub, tid, roles, jti, exp, sid } = payload;
  if (typeof sub !== 'string' || typeof tid !== 'string' || !Array.isArray(roles) || !roles.every((r) => typeof r === 'string') || typeof exp !== 'number') {
    throw new AppError('unauthorized', 'AUTH.INVALID_TOKEN', 'The access token lacks subject, tenant, roles or expiry');
  }
  return { kind: 'user', subject: sub, tenantId: tid, roles: roles as string[], tokenId: typeof jti === 'string' ? jti : undefined, expiresAt: exp, sessionId: typeof sid === 'string' ? sid : undefined };
}

function invalid(reason: string): AppError {
  return new AppError('unauthorized', 'AUTH.INVALID_TOKEN', reason);
}
