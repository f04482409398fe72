import { LRUCache } from 'lru-cache';
import { SignJWT, createLocalJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../errors.js';
import { SIGNING_ALGORITHM, type SigningKeys } from './signing-keys.js';

/** Who is calling, taken only from a verified access token. */
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

/** The longest an access token may live. */
export const MAX_ACCESS_TOKEN_SECONDS = 15 * 60;

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

/** Signs and verifies short-lived access JWTs (EdDSA, `kid` in the header, issuer, audience, tenant, roles). */
export class AccessTokens {
  private keySet: { jwks: object; verify: ReturnType<typeof createLocalJWKSet> } | undefined;
  // A token is sent with every request for up to 15 minutes; verifying its signature once and remembering
  // the result until shortly before it expires takes the signature check off the hot path. A signing key
  // retired by rotation still takes up to VERIFIED_TTL_MS to stop being accepted.
  private readonly verified = new LRUCache<string, Principal>({ max: 20_000, ttl: VERIFIED_TTL_MS });

  constructor(
    private readonly keys: SigningKeys,
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  async issue(claims: AccessClaims): Promise<string> {
    const ttl = Math.min(claims.ttlSeconds ?? MAX_ACCESS_TOKEN_SECONDS, MAX_ACCESS_TOKEN_SECONDS);
    const key = await this.keys.current();
    const extra = { ...(claims.sessionId ? { sid: claims.sessionId } : {}), ...(claims.amr ? { amr: claims.amr } : {}) };
    const jwt = new SignJWT({ tid: claims.tenantId, roles: claims.roles, ...extra })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'at+jwt' })
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
    if (known) return known;
    const principal = await this.verifySignature(token);
    const ttl = Math.min(VERIFIED_TTL_MS, principal.expiresAt * 1000 - Date.now());
    if (ttl > 0) this.verified.set(token, principal, { ttl });
    return principal;
  }

  private async verifySignature(token: string): Promise<Principal> {
    try {
      return toPrincipal(await this.verifyWithKeySet(token));
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey) {
        // A key rotated in by another process: reload once and retry.
        await this.keys.refresh();
        return toPrincipal(await this.verifyWithKeySet(token).catch(rethrowUnauthorized));
      }
      return rethrowUnauthorized(error);
    }
  }

  private async verifyWithKeySet(token: string): Promise<TokenClaims> {
    const jwks = await this.keys.jwks();
    if (jwks !== this.keySet?.jwks) this.keySet = { jwks, verify: createLocalJWKSet(jwks) };
    const keySet = this.keySet.verify;
    const { payload } = await jwtVerify<TokenClaims>(token, keySet, {
      issuer: this.issuer,
      audience: this.audience,
      algorithms: [SIGNING_ALGORITHM],
      typ: 'at+jwt',
      maxTokenAge: `${MAX_ACCESS_TOKEN_SECONDS + 60}s`,
    });
    return payload;
  }
}

function toPrincipal(payload: TokenClaims): Principal {
  const { sub, tid, roles, jti, exp, sid } = payload;
  if (typeof sub !== 'string' || typeof tid !== 'string' || !Array.isArray(roles) || !roles.every((r) => typeof r === 'string') || typeof exp !== 'number') {
    throw new AppError('unauthorized', 'AUTH.INVALID_TOKEN', 'The access token lacks subject, tenant, roles or expiry');
  }
  return { kind: 'user', subject: sub, tenantId: tid, roles: roles as string[], tokenId: jti, expiresAt: exp, sessionId: typeof sid === 'string' ? sid : undefined };
}

function rethrowUnauthorized(error: unknown): never {
  if (error instanceof AppError) throw error;
  const reason = error instanceof errors.JWTExpired ? 'The access token has expired' : 'The access token is not valid';
  throw new AppError('unauthorized', error instanceof errors.JWTExpired ? 'AUTH.TOKEN_EXPIRED' : 'AUTH.INVALID_TOKEN', reason);
}
