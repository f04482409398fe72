import type { Cache } from '../cache/cache.js';
import { MAX_ACCESS_TOKEN_SECONDS } from './tokens.js';

// An access token outlives its session's revocation by at most its own lifetime, so the mark need not last longer.
const MARK_TTL_MS = (MAX_ACCESS_TOKEN_SECONDS + 60) * 1000;

/**
 * Sessions signed out (or revoked by an admin, or by refresh-token reuse) before their access tokens expired.
 * Kept in the shared cache, so every API process refuses those tokens at once, not after up to 15 minutes.
 */
export class SessionRevocations {
  constructor(private readonly cache: Cache) {}

  async revoke(sessionIds: readonly string[]): Promise<void> {
    await Promise.all(sessionIds.map((id) => this.cache.set(keyOf(id), 1, MARK_TTL_MS)));
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.cache.get<number>(keyOf(sessionId))) !== undefined;
  }
}

function keyOf(sessionId: string): string {
  return `revoked-session:${sessionId}`;
}
