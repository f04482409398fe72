import type { ServiceContext } from '@tessera/platform';
import type { ModelCache } from './model-cache.js';

/** What the adaptive use cases need of the kernel, and the process's cache of each tenant's models. */
export type AdaptiveDeps = Pick<ServiceContext, 'db' | 'outbox' | 'live' | 'logger'> & { models: ModelCache; random: () => number };
