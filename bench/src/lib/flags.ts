import type { BenchOptions, FlagSpec } from './bench.js';

/** A string flag's value, or undefined when it was not given. */
export function stringFlag(options: BenchOptions, name: string): string | undefined {
  const value = options.flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** A positive integer flag, or `fallback` when it was not given. */
export function numberFlag(options: BenchOptions, name: string, fallback: number): number {
  const value = stringFlag(options, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`--${name} takes a positive integer, got "${value}"`);
  return number;
}

/** The flags of every bench that runs against backend sets (see `chooseBackends`). */
export const backendFlags: Record<'backends' | 'distributed', FlagSpec> = {
  backends: { type: 'string', description: 'embedded,distributed (default: embedded, plus distributed when DATABASE_URL, NATS_URL and REDIS_URL are all set)' },
  distributed: { type: 'boolean', description: 'add the distributed backends; unset URLs default to postgres/nats/redis on 127.0.0.1' },
};
