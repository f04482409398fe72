import type { ServiceContext } from '@tessera/platform';

/** What the assessment use cases use of the platform. */
export type AssessmentDeps = Pick<ServiceContext, 'db' | 'cache' | 'bus' | 'outbox' | 'live' | 'logger' | 'metrics'>;
