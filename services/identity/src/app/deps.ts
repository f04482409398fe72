import type { ServiceContext } from '@tessera/platform';
import { AttemptThrottle } from '../domain/attempt-throttle.js';
import { PasswordHasher } from '../domain/passwords.js';

/** What the identity use cases need: the kernel's adapters plus the service's own collaborators. */
export interface IdentityDeps extends ServiceContext {
  passwords: PasswordHasher;
  /** Per account (tenant + email): progressive lockout of password sign-in. */
  signInThrottle: AttemptThrottle;
  /** Per user: progressive lockout of second-factor codes. */
  mfaThrottle: AttemptThrottle;
}

const MINUTE = 60_000;
const built = new WeakMap<ServiceContext, IdentityDeps>();

/** The identity deps of a process (one set per kernel context, shared by routes and credential verifiers). */
export function identityDeps(context: ServiceContext): IdentityDeps {
  let deps = built.get(context);
  if (!deps) {
    deps = Object.assign(Object.create(context) as ServiceContext, {
      passwords: new PasswordHasher({ memoryKiB: context.config.PASSWORD_HASH_MEMORY_KIB, iterations: context.config.PASSWORD_HASH_ITERATIONS }),
      signInThrottle: new AttemptThrottle(context.cache, { name: 'sign-in', freeFailures: 5, baseLockMs: 30_000, maxLockMs: 15 * MINUTE, windowMs: 60 * MINUTE }),
      mfaThrottle: new AttemptThrottle(context.cache, { name: 'mfa', freeFailures: 5, baseLockMs: 60_000, maxLockMs: 30 * MINUTE, windowMs: 60 * MINUTE }),
    }) as IdentityDeps;
    built.set(context, deps);
  }
  return deps;
}
