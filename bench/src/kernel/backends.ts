/** Which backends the kernel bench runs on, and how a child process is told. */

export type BackendSetName = 'embedded' | 'distributed';

export interface BackendSet {
  name: BackendSetName;
  /** Environment of the child processes: the variables the kernel itself reads to choose its adapters. */
  env: Record<string, string | undefined>;
  /** The servers this set talks to, for the report (embedded: none). */
  urls: Record<string, string>;
}

/** Where the distributed backends are looked for when their variables are unset: this machine's default ports. */
export const DISTRIBUTED_DEFAULTS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  NATS_URL: 'nats://127.0.0.1:4222',
  REDIS_URL: 'redis://127.0.0.1:6379',
} as const;

type BackendVariable = keyof typeof DISTRIBUTED_DEFAULTS;
const VARIABLES = Object.keys(DISTRIBUTED_DEFAULTS) as BackendVariable[];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * `--backends embedded,distributed` names the sets outright. Otherwise embedded always runs, and distributed
 * too when `--distributed` is given or all of DATABASE_URL, NATS_URL and REDIS_URL are set; a variable left
 * unset falls back to its default above.
 */
export function chooseBackends(flags: { backends?: string; distributed?: boolean; embeddedData: 'disk' | 'memory' },
  env: Record<string, string | undefined>): BackendSet[] {
  const names = flags.backends !== undefined
    ? flags.backends.split(',').map((name) => name.trim()).filter(Boolean)
    : ['embedded', ...(flags.distributed || VARIABLES.every((v) => env[v]) ? ['distributed'] : [])];
  const unknown = names.filter((name) => name !== 'embedded' && name !== 'distributed');
  if (unknown.length > 0 || names.length === 0) throw new Error(`--backends takes embedded and/or distributed, got "${flags.backends}"`);
  return [...new Set(names)].map((name) => (name === 'embedded' ? embedded(env, flags.embeddedData) : distributed(env)));
}

function embedded(env: Record<string, string | undefined>, data: 'disk' | 'memory'): BackendSet {
  const childEnv: Record<string, string | undefined> = { ...env, BENCH_EMBEDDED_DATA: data };
  for (const variable of VARIABLES) delete childEnv[variable];
  return { name: 'embedded', env: childEnv, urls: {} };
}

function distributed(env: Record<string, string | undefined>): BackendSet {
  const urls = Object.fromEntries(VARIABLES.map((v) => [v, env[v] || DISTRIBUTED_DEFAULTS[v]])) as Record<BackendVariable, string>;
  // A load test aimed at a shared server would hurt whoever else uses it: only this machine's servers.
  for (const [variable, url] of Object.entries(urls)) {
    if (!LOOPBACK.has(new URL(url).hostname)) throw new Error(`${variable} must point at 127.0.0.1 for a bench, got ${url}`);
  }
  return { name: 'distributed', env: { ...env, ...urls }, urls };
}
