import { RateLimiter, type Tx } from '@tessera/platform';
import type { NotifyDatabase } from '../db/notify.table.js';
import type { NotifyDeps } from './deps.js';
import { settingsIn } from './settings.js';

const WINDOW_MS = 60_000;
const limiters = new WeakMap<object, RateLimiter>();

/**
 * Counts one message against the tenant's send rate (per minute, shared by every process through the cache);
 * `waitMs` is 0 when it may go now, else how long until the next minute opens. One tenant's mass mailing must
 * not hold up another's results, and a provider's own limits are per account.
 */
export async function tenantSendAllowance(deps: Pick<NotifyDeps, 'cache' | 'config'>, tx: Tx<NotifyDatabase>, tenantId: string): Promise<{ waitMs: number }> {
  let limiter = limiters.get(deps.cache);
  if (!limiter) {
    limiter = new RateLimiter(deps.cache, { keyPrefix: 'notify:sends:' });
    limiters.set(deps.cache, limiter);
  }
  const { effectiveSendsPerMinute } = await settingsIn(deps, tx, tenantId);
  const result = await limiter.consume(tenantId, effectiveSendsPerMinute, WINDOW_MS);
  return { waitMs: result.allowed ? 0 : result.resetMs };
}
