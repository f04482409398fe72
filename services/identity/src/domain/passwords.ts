import argon2 from 'argon2';

/** Argon2id cost. OWASP's recommendation is 19 MiB of memory, 2 passes, 1 lane. */
export interface PasswordCost {
  memoryKiB: number;
  iterations: number;
}

/**
 * Password hashing with argon2id. `verify` of an account that does not exist (or has no password) still
 * runs a full verification against a fixed hash, so a response's timing does not tell whether it exists.
 */
export class PasswordHasher {
  private readonly options;
  private dummy: Promise<string> | undefined;

  constructor(cost: PasswordCost) {
    this.options = { type: argon2.argon2id, memoryCost: cost.memoryKiB, timeCost: cost.iterations, parallelism: 1 } as const;
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password.normalize('NFC'), this.options);
  }

  /** True when `password` matches `hash`; with no hash, spends the same time and answers false. */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (!hash) {
      await argon2.verify(await this.dummyHash(), password.normalize('NFC')).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password.normalize('NFC')).catch(() => false);
  }

  /** True when a stored hash was made with weaker parameters than today's and should be replaced. */
  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, this.options);
  }

  private dummyHash(): Promise<string> {
    this.dummy ??= argon2.hash('no account has this password', this.options);
    return this.dummy;
  }
}
