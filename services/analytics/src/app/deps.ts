import type { ServiceContext } from '@tessera/platform';

/** What the analytics use cases need of the kernel. */
export type AnalyticsDeps = Pick<ServiceContext, 'db' | 'outbox' | 'logger' | 'config' | 'bus'>;
