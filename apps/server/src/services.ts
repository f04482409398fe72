import { exampleService } from '@tessera/example';
import { identityService } from '@tessera/identity';
import type { ServiceModule } from '@tessera/platform';

/** Every service this build can run, in migration order. `--services` picks a subset per process. */
export const allServices: ServiceModule[] = [identityService, exampleService];
