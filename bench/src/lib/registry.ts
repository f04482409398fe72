import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Bench } from './bench.js';

const benchesDir = new URL('../benches/', import.meta.url);
const NAME = /^[a-z][a-z0-9-]*$/;

/** Names of the benches: one file each in bench/src/benches. */
export function benchNames(): string[] {
  return readdirSync(fileURLToPath(benchesDir))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .filter((name) => NAME.test(name))
    .sort();
}

/** Loads bench `name`, or undefined when there is none (the name is checked first, so it cannot reach outside). */
export async function loadBench(name: string): Promise<Bench | undefined> {
  if (!NAME.test(name) || !benchNames().includes(name)) return undefined;
  const module = (await import(new URL(`${name}.ts`, benchesDir).href)) as { bench?: Bench };
  if (!module.bench || module.bench.name !== name) throw new Error(`bench/src/benches/${name}.ts must export \`bench\` named "${name}"`);
  return module.bench;
}
