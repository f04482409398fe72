import type { HttpApp } from '@tessera/platform';
import type { IdentityDeps } from '../app/deps.js';

/** (being written) */
export async function userRoutes(_app: HttpApp, _deps: IdentityDeps): Promise<void> {}
