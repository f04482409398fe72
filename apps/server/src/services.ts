import { exampleService } from '@tessera/example';
import type { ServiceModule } from '@tessera/platform';

/** Every service this build can run, in migration order. `--services` picks a subset per process. */
export const allServices: ServiceModule[] = [exampleService];
