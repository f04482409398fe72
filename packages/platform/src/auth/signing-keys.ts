import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * RS256 (RSA 2048): verification is the hot path — every request of every service — and an RSA signature
 * verifies several times faster than Ed25519 or P-256 on the same core; signing (sign-in, refresh) is rare.
 */
export const SIGNING_ALGORITHM = 'RS256';

export interface SigningKey {
  kid: string;
  algorithm: string;
  privateKey: CryptoKey;
}

interface KeyRow {
  kid: string;
  algorithm: string;
  public_jwk: JWK;
  private_jwk: JWK;
}

/**
 * Token signing keys, kept in the kernel database so every process of a deployment signs and verifies
 * with the same set. The newest unretired key signs; every unretired key verifies (rotation adds a key,
 * and retires the old one once the tokens it signed have expired).
 */
export class SigningKeys {
  private cache: { loadedAt: number; rows: KeyRow[]; jwks: { keys: JWK[] } } | undefined;
  private signing: SigningKey | undefined;

  constructor(
    private readonly db: Database,
    private readonly refreshMs = 60_000,
  ) {}

  /** The public keys as a JWK Set, for `/.well-known/jwks.json`. */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.rows();
    return this.cache?.jwks ?? { keys: [] };
  }

  /**
   * The key that signs new tokens; creates the first key on a fresh database, and a new one when the newest
   * uses another algorithm than today's (older keys keep verifying the tokens they signed).
   */
  async current(): Promise<SigningKey> {
    let rows = await this.rows();
    if (rows[0]?.algorithm !== SIGNING_ALGORITHM) {
      await this.rotate();
      rows = await this.rows(true);
    }
    const newest = rows[0];
    if (!newest) throw new Error('No signing key available');
    if (this.signing?.kid !== newest.kid) {
      this.signing = { kid: newest.kid, algorithm: newest.algorithm, privateKey: (await importJWK(newest.private_jwk, newest.algorithm)) as CryptoKey };
    }
    return this.signing;
  }

  /** Adds a new signing key; it signs from now on while older keys still verify. */
  async rotate(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { modulusLength: 2048, extractable: true });
    const kid = randomUUID();
    const [publicJwk, privateJwk] = await Promise.all([exportJWK(publicKey), exportJWK(privateKey)]);
    await this.db.withSystem((tx) =>
      sql`insert into platform.signing_keys (kid, algorithm, public_jwk, private_jwk)
          values (${kid}, ${SIGNING_ALGORITHM}, ${JSON.stringify(publicJwk)}::jsonb, ${JSON.stringify(privateJwk)}::jsonb)`.execute(tx),
    );
    this.cache = undefined;
    return kid;
  }

  /** Reloads the key set now, e.g. when a token names a key this process has not seen yet. */
  async refresh(): Promise<void> {
    await this.rows(true);
  }

  private async rows(force = false): Promise<KeyRow[]> {
    if (!force && this.cache && Date.now() - this.cache.loadedAt < this.refreshMs) return this.cache.rows;
    const rows = await this.db.withSystem(async (tx) => {
      const result = await sql<KeyRow>`
        select kid, algorithm, public_jwk, private_jwk from platform.signing_keys
        where retired_at is null order by created_at desc, kid`.execute(tx);
      return result.rows;
    });
    // The same JWKS object is returned until the next reload, so verifiers can reuse their imported key set.
    const jwks = { keys: rows.map((row) => ({ ...row.public_jwk, kid: row.kid, alg: row.algorithm, use: 'sig' })) };
    this.cache = { loadedAt: Date.now(), rows, jwks };
    return rows;
  }
}
