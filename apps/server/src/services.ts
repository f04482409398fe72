import { catalogService } from '@tessera/catalog';
import { enrollmentService } from '@tessera/enrollment';
import { exampleService } from '@tessera/example';
import { identityService } from '@tessera/identity';
import type { ServiceModule } from '@tessera/platform';

/**
 * Every service this build can run, in migration order (and demo-seed order: catalog seeds into the tenant
 * identity creates). `--services` picks a subset per process.
 */
export const allServices: ServiceModule[] = [identityService, exampleService, catalogService, enrollmentService];
