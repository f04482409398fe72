import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { sql } from 'kysely';
import type { Database, Tx } from '../db/database.js';
import { CLOCK_SKEW_SECONDS, MAX_ACCESS_TOKEN_SECONDS } from './token-lifetime.js';

/**
 * RS256 (RSA 2048): verification is the hot path — every request of every service — and an RSA signature
 * verifies several times faster than Ed25519 or P-256 on the same core; signing (sign-in, refresh) is rare.
 */
export const SIGNING_ALGORITHM = 'RS256';

/** How long a process uses its loaded key set before reading it again. */
const KEY_SET_REFRESH_MS = 60_000;
/** The least time between two reloads caused by tokens naming a key this process does not know. */
const UNKNOWN_KEY_RELOAD_COOLDOWN_MS = 5_000;
/** How many keys the operators' listing shows (newest first); one a month is a dozen a year. */
const LISTED_KEYS = 100;

/**
 * How long a superseded key keeps verifying. Other processes sign with it until they reload their key set,
 * and a token it signed then lives its full lifetime, give or take the clock skew; after that nothing it
 * signed can still be valid.
 */
export const SUPERSEDED_KEY_GRACE_SECONDS = KEY_SET_REFRESH_MS / 1000 + MAX_ACCESS_TOKEN_SECONDS + CLOCK_SKEW_SECONDS;

export interface SigningKey {
  kid: string;
  algorithm: string;
  privateKey: CryptoKey;
}

/** `current` signs, `verifying-only` still verifies what it signed, `retired` is out of the JWKS for good. */
export type SigningKeyStatus = 'current' | 'verifying-only' | 'retired';

/** A signing key as operators see it: never its private (or public) material. */
export interface SigningKeyInfo {
  kid: string;
  algorithm: string;
  createdAt: Date;
  status: SigningKeyStatus;
  /** When the key stops (or stopped) verifying tokens; null while it is the current key. */
  retiresAt: Date | null;
}

interface KeyRow {
  kid: string;
  algorithm: string;
  public_jwk: JWK;
  private_jwk: JWK;
}

interface KeyInfoRow {
  kid: string;
  algorithm: string;
  created_at: Date;
  retired_at: Date | null;
  grace_ends_at: Date | null;
  now: Date;
}

const grace = sql`(${SUPERSEDED_KEY_GRACE_SECONDS}::int * interval '1 second')`;
/** The keys newer than `k` (by creation, then kid: the order that picks the signing key). */
const newerThanK = sql`platform.signing_keys newer where (newer.created_at, newer.kid) > (k.created_at, k.kid)`;

/**
 * Token signing keys, kept in the kernel database so every process of a deployment signs and verifies
 * with the same set. The newest unretired key signs; every unretired key verifies. Rotation adds a key;
 * the one it supersedes is retired once everything it signed has expired (SUPERSEDED_KEY_GRACE_SECONDS),
 * or at once by an operator. Retirement is decided from the database's clock, so every process agrees.
 */
export class SigningKeys {
  private cache: { loadedAt: number; rows: KeyRow[]; jwks: { keys: JWK[] } } | undefined;
  private signing: SigningKey | undefined;
  private unknownKeyReload: { at: number; done: Promise<void> } | undefined;

  constructor(
    private readonly db: Database,
    private readonly refreshMs = KEY_SET_REFRESH_MS,
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
    const key = await newKeyRow();
    await this.db.withSystem((tx) => insertKey(tx, key));
    this.cache = undefined;
    await this.recordExpiredRetirements();
    return key.kid;
  }

  /**
   * The scheduled rotation: adds a new key when the newest is older than `maxAgeDays`. Every relay process
   * runs it; an advisory lock and a second look inside it make sure one of them rotates, once.
   */
  async rotateIfOlderThan(maxAgeDays: number): Promise<string | undefined> {
    if (!(await this.newestOlderThan(maxAgeDays))) return undefined;
    const key = await newKeyRow();
    const rotated = await this.db.withSystem(async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtext('tessera.signing-key-rotation'))`.execute(tx);
      if (!(await newestOlderThanIn(tx, maxAgeDays))) return false;
      await insertKey(tx, key);
      return true;
    });
    if (!rotated) return undefined;
    this.cache = undefined;
    await this.recordExpiredRetirements();
    return key.kid;
  }

  private newestOlderThan(maxAgeDays: number): Promise<boolean> {
    return this.db.withSystem((tx) => newestOlderThanIn(tx, maxAgeDays));
  }

  /**
   * Retires a key at once (a leaked key): tokens it signed stop verifying here now, and in other processes
   * when they next reload their key set. Returns false for an unknown kid; retiring twice changes nothing.
   */
  async retire(kid: string): Promise<boolean> {
    const found = await this.db.withSystem(async (tx) => {
      await sql`update platform.signing_keys set retired_at = now() where kid = ${kid} and retired_at is null`.execute(tx);
      const row = await sql`select 1 from platform.signing_keys where kid = ${kid}`.execute(tx);
      return row.rows.length > 0;
    });
    this.cache = undefined;
    return found;
  }

  /** Every key (newest first, at most LISTED_KEYS) with its status, for operators. */
  async list(): Promise<SigningKeyInfo[]> {
    await this.recordExpiredRetirements();
    const rows = await this.db.withSystem(async (tx) => {
      const result = await sql<KeyInfoRow>`
        select k.kid, k.algorithm, k.created_at, k.retired_at, now() as now,
               (select min(newer.created_at) from ${newerThanK}) + ${grace} as grace_ends_at
        from platform.signing_keys k order by k.created_at desc, k.kid desc limit ${LISTED_KEYS}`.execute(tx);
      return result.rows;
    });
    let currentSeen = false;
    return rows.map((row) => {
      const retiresAt = row.retired_at ?? row.grace_ends_at;
      const retired = row.retired_at !== null || (retiresAt !== null && retiresAt <= row.now);
      const status: SigningKeyStatus = retired ? 'retired' : currentSeen ? 'verifying-only' : 'current';
      if (status === 'current') currentSeen = true;
      return { kid: row.kid, algorithm: row.algorithm, createdAt: row.created_at, status, retiresAt: status === 'current' ? null : retiresAt };
    });
  }

  /** Reloads the key set now. */
  async refresh(): Promise<void> {
    await this.rows(true);
  }

  /**
   * Reloads the key set because a token names a key this process has not seen (another process may just
   * have rotated), at most once per cooldown: made-up key ids must not turn every request into a query.
   */
  async reloadForUnknownKey(): Promise<void> {
    const last = this.unknownKeyReload;
    if (last && Date.now() - last.at < UNKNOWN_KEY_RELOAD_COOLDOWN_MS) return last.done;
    const done = this.refresh();
    this.unknownKeyReload = { at: Date.now(), done: done.catch(() => undefined) };
    return done;
  }

  /** Stamps `retired_at` on keys whose grace has run out (they already left the key set; this records when). */
  private async recordExpiredRetirements(): Promise<void> {
    await this.db.withSystem((tx) => sql`
      update platform.signing_keys k set retired_at = (select min(newer.created_at) from ${newerThanK}) + ${grace}
      where k.retired_at is null and exists (select 1 from ${newerThanK} and newer.created_at <= now() - ${grace})`.execute(tx));
  }

  private async rows(force = false): Promise<KeyRow[]> {
    if (!force && this.cache && Date.now() - this.cache.loadedAt < this.refreshMs) return this.cache.rows;
    const rows = await this.loadRows().catch((error: unknown) => {
      // While the database is unreachable the keys last read keep verifying (they change once a month): a
      // database outage must not turn every authenticated request into an error.
      if (force || !this.cache) throw error;
      return this.cache.rows;
    });
    if (this.cache?.rows === rows) return rows;
    // The same JWKS object is returned until the next reload, so verifiers can reuse their imported key set.
    const jwks = { keys: rows.map((row) => ({ ...row.public_jwk, kid: row.kid, alg: row.algorithm, use: 'sig' })) };
    this.cache = { loadedAt: Date.now(), rows, jwks };
    return rows;
  }

  private async loadRows(): Promise<KeyRow[]> {
    return this.db.withSystem(async (tx) => {
      // A key superseded longer ago than the grace is retired even before anyone stamps `retired_at`.
      const result = await sql<KeyRow>`
        select k.kid, k.algorithm, k.public_jwk, k.private_jwk from platform.signing_keys k
        where k.retired_at is null and not exists (select 1 from ${newerThanK} and newer.created_at <= now() - ${grace})
        order by k.created_at desc, k.kid desc`.execute(tx);
      return result.rows;
    });
  }
}

interface NewKeyRow {
  kid: string;
  publicJwk: JWK;
  privateJwk: JWK;
}

async function newKeyRow(): Promise<NewKeyRow> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { modulusLength: 2048, extractable: true });
  const [publicJwk, privateJwk] = await Promise.all([exportJWK(publicKey), exportJWK(privateKey)]);
  return { kid: randomUUID(), publicJwk, privateJwk };
}

async function insertKey(tx: Tx, key: NewKeyRow): Promise<void> {
  await sql`insert into platform.signing_keys (kid, algorithm, public_jwk, private_jwk)
            values (${key.kid}, ${SIGNING_ALGORITHM}, ${JSON.stringify(key.publicJwk)}::jsonb, ${JSON.stringify(key.privateJwk)}::jsonb)`.execute(tx);
}

/** True when there is no key, or the newest one was created more than `maxAgeDays` ago. */
async function newestOlderThanIn(tx: Tx, maxAgeDays: number): Promise<boolean> {
  const { rows } = await sql<{ due: boolean }>`
    select coalesce(max(created_at) < now() - ${maxAgeDays}::int * interval '1 day', true) as due
    from platform.signing_keys where retired_at is null or retired_at > now()`.execute(tx);
  return rows[0]?.due ?? true;
}
