import type { ServiceContext } from '@tessera/platform';
import type { PaymentProvider } from '../providers/provider.js';

/** What the billing use cases need of the kernel, and the payment provider the configuration chose. */
export type BillingDeps = Pick<ServiceContext, 'db' | 'outbox' | 'logger' | 'config'> & { provider: PaymentProvider };
