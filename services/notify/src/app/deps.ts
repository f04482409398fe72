import type { ServiceContext } from '@tessera/platform';

/** What the notify use cases need of the kernel. */
export type NotifyDeps = Pick<ServiceContext, 'db' | 'live' | 'logger' | 'outbox' | 'mailer' | 'config' | 'cache'>;
