import { adaptiveService } from '@tessera/adaptive';
import { analyticsService } from '@tessera/analytics';
import { assessmentService } from '@tessera/assessment';
import { catalogService } from '@tessera/catalog';
import { enrollmentService } from '@tessera/enrollment';
import { exampleService } from '@tessera/example';
import { gatewayService } from '@tessera/gateway';
import { identityService } from '@tessera/identity';
import { notifyService } from '@tessera/notify';
import { billingService } from '@tessera/billing';
import type { ServiceModule } from '@tessera/platform';

/**
 * Every service this build can run, in migration order (and demo-seed order: catalog seeds into the tenant
 * identity creates; assessment builds its demo quiz from the items of catalog's demo course). `--services`
 * picks a subset per process; the gateway reads the other services' routes in its own process, so it belongs
 * with the services it aggregates.
 */
export const allServices: ServiceModule[] = [identityService, exampleService, catalogService, enrollmentService, billingService, assessmentService, adaptiveService, notifyService, analyticsService, gatewayService];
