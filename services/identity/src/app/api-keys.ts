import { randomBytes, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { AppError, type CredentialVerifier, type Principal } from '@tessera/platform';
import { API_KEY_PREFIX } from '../contract/api-keys.js';
import { findApiKey, touchApiKey } from '../db/api-key.repository.js';
import type { IdentityDatabase } from '../db/identity.table.js';
import { hashSecret, sameDigest } from '../domain/opaque-tokens.js';
import type { IdentityDeps } from './deps.js';

/**
 * How long a process trusts what it read of a key without asking again. A revocation therefore reaches
 * every other process within this time; the revoking process forgets the key at once.
 */
export const API_KEY_TRUST_MS = 30_000;
/** Keys that do not exist (forged) are remembered this long, so repeating one costs no query. */
const UNKNOWN_KEY_MS = 5_000;
/** `last_used_at` is written at most this often per key (per process; the UPDATE itself also skips fresh rows). */
const TOUCH_EVERY_MS = 60_000;
const CACHED_KEYS = 20_000;

// tsk_<tenant id, 32 hex><key id, 32 hex>_<secret: 32 random bytes, base64url (43 chars, may hold _ and -)>
const KEY_FORMAT = /^tsk_([0-9a-f]{32})([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** A freshly made key: the full key for the caller (once), what is stored of it, and its parts. */
export interface IssuedApiKey {
  id: string;
  key: string;
  secretHash: string;
  prefix: string;
}

/** Makes a key for `tenantId`; only the SHA-256 of its 256-bit secret is ever stored. */
export function issueApiKey(tenantId: string): IssuedApiKey {
  const id = randomUUID();
  const idHex = id.replaceAll('-', '');
  const secret = randomBytes(32).toString('base64url');
  return { id, key: `${API_KEY_PREFIX}${tenantId.replaceAll('-', '')}${idHex}_${secret}`, secretHash: hashSecret(secret), prefix: `${API_KEY_PREFIX}…${idHex.slice(-4)}` };
}

/** The tenant, key id and secret of a well-formed key; undefined for anything else. */
export function parseApiKey(credential: string): { tenantId: string; keyId: string; secret: string } | undefined {
  const match = KEY_FORMAT.exec(credential);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { tenantId: uuidOf(match[1]), keyId: uuidOf(match[2]), secret: match[3] };
}

/** What verification needs to know of a stored key. */
interface KnownKey {
  secretHash: string;
  scopes: string[];
  expiresAt: number | null;
  revoked: boolean;
}

interface Entry {
  /** Shared by concurrent verifications of the same key: one query, not one per request. */
  key: Promise<KnownKey | undefined>;
  until: number;
}

/** The per-process memory of keys read from the database (one per identity deps, i.e. per process). */
class ApiKeyCache {
  private readonly entries = new LRUCache<string, Entry>({ max: CACHED_KEYS });
  private readonly touched = new LRUCache<string, number>({ max: CACHED_KEYS });

  constructor(private readonly deps: IdentityDeps) {}

  /** The key as stored (from memory when read less than API_KEY_TRUST_MS ago) and until when that is trusted. */
  async lookup(tenantId: string, keyId: string): Promise<{ key: KnownKey | undefined; until: number }> {
    const name = `${tenantId}:${keyId}`;
    let entry = this.entries.get(name);
    if (!entry || entry.until <= Date.now()) {
      const fresh: Entry = { key: this.load(tenantId, keyId), until: Date.now() + API_KEY_TRUST_MS };
      this.entries.set(name, fresh);
      fresh.key.then(
        (key) => { if (!key) fresh.until = Math.min(fresh.until, Date.now() + UNKNOWN_KEY_MS); },
        () => { if (this.entries.get(name) === fresh) this.entries.delete(name); },
      );
      entry = fresh;
    }
    return { key: await entry.key, until: entry.until };
  }

  forget(tenantId: string, keyId: string): void {
    this.entries.delete(`${tenantId}:${keyId}`);
  }

  /** Records the use of a key at most once a minute; a failure here never fails the request. */
  async touch(tenantId: string, keyId: string): Promise<void> {
    const last = this.touched.get(keyId);
    if (last !== undefined && Date.now() - last < TOUCH_EVERY_MS) return;
    this.touched.set(keyId, Date.now());
    try {
      await this.deps.db.withTenant<IdentityDatabase, void>(tenantId, (tx) => touchApiKey(tx, tenantId, keyId));
    } catch (error) {
      this.deps.logger.warn({ err: error, tenantId, keyId }, 'could not record the use of an API key');
    }
  }

  private async load(tenantId: string, keyId: string): Promise<KnownKey | undefined> {
    // The registry caches unknown tenants too: a key naming a made-up tenant costs no query.
    const tenant = await this.deps.tenants.get(tenantId);
    if (!tenant || tenant.status === 'deleted' || tenant.status === 'provisioning') return undefined;
    const row = await this.deps.db.withTenant<IdentityDatabase, Awaited<ReturnType<typeof findApiKey>>>(tenantId, (tx) => findApiKey(tx, tenantId, keyId));
    if (!row) return undefined;
    return { secretHash: row.secret_hash, scopes: row.scopes, expiresAt: row.expires_at?.getTime() ?? null, revoked: row.revoked_at !== null };
  }
}

const caches = new WeakMap<IdentityDeps, ApiKeyCache>();

function cacheOf(deps: IdentityDeps): ApiKeyCache {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new ApiKeyCache(deps);
    caches.set(deps, cache);
  }
  return cache;
}

/** Makes this process stop accepting a key at once (after its revocation committed). */
export function forgetApiKey(deps: IdentityDeps, tenantId: string, keyId: string): void {
  cacheOf(deps).forget(tenantId, keyId);
}

/**
 * Verifies `tsk_` API keys for every service's routes. The key names its tenant, so the lookup runs under
 * that tenant's RLS (and in an enterprise tenant's own database); a key id presented under another tenant
 * is simply not found. The tenant's status and the route's permission are checked by the HTTP kit after.
 */
export function apiKeyVerifier(deps: IdentityDeps): CredentialVerifier {
  const cache = cacheOf(deps);
  return {
    prefix: API_KEY_PREFIX,
    async verify(credential: string): Promise<Principal> {
      const parsed = parseApiKey(credential);
      if (!parsed) throw invalidKey();
      const { key, until } = await cache.lookup(parsed.tenantId, parsed.keyId);
      const now = Date.now();
      if (!key || !sameDigest(hashSecret(parsed.secret), key.secretHash) || key.revoked || (key.expiresAt !== null && key.expiresAt <= now)) {
        throw invalidKey();
      }
      await cache.touch(parsed.tenantId, parsed.keyId);
      return {
        kind: 'api_key',
        subject: `apikey:${parsed.keyId}`,
        tenantId: parsed.tenantId,
        roles: [],
        tokenId: undefined,
        // Good at least until this process asks the database again (or the key expires, if sooner).
        expiresAt: Math.floor(Math.min(key.expiresAt ?? Infinity, until) / 1000),
        scopes: [...key.scopes],
      };
    },
  };
}

function invalidKey(): AppError {
  return new AppError('unauthorized', 'AUTH.INVALID_API_KEY', 'The API key is not valid');
}

function uuidOf(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
