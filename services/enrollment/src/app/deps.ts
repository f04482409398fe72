import type { ServiceContext } from '@tessera/platform';

/** What the enrollment use cases need of the kernel. */
export type EnrollmentDeps = Pick<ServiceContext, 'db' | 'outbox'>;
