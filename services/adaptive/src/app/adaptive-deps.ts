import type { ServiceContext } from '@tessera/platform';
import type { AdaptiveDeps } from './deps.js';
import { ModelCache } from './model-cache.js';

const caches = new WeakMap<object, ModelCache>();

/**
 * The adaptive deps of a process: routes, consumers and jobs of one platform share one model cache, so a
 * consumer's invalidation reaches the routes of the same process at once.
 */
export function adaptiveDeps(context: Pick<ServiceContext, 'db' | 'outbox' | 'live' | 'logger'>): AdaptiveDeps {
  let models = caches.get(context.db);
  if (!models) {
    models = new ModelCache(context.db);
    caches.set(context.db, models);
  }
  return { db: context.db, outbox: context.outbox, live: context.live, logger: context.logger, models, random: Math.random };
}
