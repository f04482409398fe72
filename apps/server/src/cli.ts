import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '@tessera/platform';

const usage = `Usage: tessera <command> [options]

Commands:
  start      run the platform (all services and roles in one process by default)
  migrate    apply pending database migrations and exit
  seed       insert demo data (--demo) and exit
  token      print an access token for local use (--tenant, --subject, --roles)
  openapi    print the API's OpenAPI document (built in memory; touches no data)
  kt-eval    knowledge-tracing evaluation: --data <dir> [--models bkt,irt,pfa,lr] [--json]

Options (each has an environment twin):
  --port <n>            PORT              HTTP port (default 3000)
  --host <addr>         HOST              listen address (default 0.0.0.0)
  --data-dir <dir>      TESSERA_DATA_DIR  embedded database and files (default .tessera)
  --services <a,b>      TESSERA_SERVICES  services this process runs (default all)
  --role <api,worker,relay>  TESSERA_ROLES  roles this process runs (default all)
  --seed-demo           seed demo data before starting
  Distributed backends: DATABASE_URL, NATS_URL, REDIS_URL (see README).`;

const flagToEnv: Record<string, string> = {
  port: 'PORT',
  host: 'HOST',
  'data-dir': 'TESSERA_DATA_DIR',
  services: 'TESSERA_SERVICES',
  role: 'TESSERA_ROLES',
};

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      services: { type: 'string' },
      role: { type: 'string' },
      'seed-demo': { type: 'boolean' },
      demo: { type: 'boolean' },
      tenant: { type: 'string' },
      subject: { type: 'string' },
      roles: { type: 'string' },
      data: { type: 'string' },
      models: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? 0 : 1;
  }
  if (command === 'kt-eval') {
    if (!values.data) throw new UsageError('kt-eval needs --data <dir>');
    const { DEFAULT_KT_MODELS, runKtEval } = await import('./kt-eval.js');
    return runKtEval({ data: values.data, models: values.models ?? DEFAULT_KT_MODELS, json: values.json === true });
  }
  if (!PLATFORM_COMMANDS.has(command)) throw new UsageError(`Unknown command "${command}"`);
  const config = configFrom(values);
  // Loaded only now: every service's code takes seconds to load, and a usage or configuration error should
  // not wait for it.
  const { issueToken, printOpenApi, runMigrate, runSeed, runStart } = await import('./commands.js');
  switch (command) {
    case 'start':
      await runStart(config, { seedDemo: values['seed-demo'] === true });
      return 0;
    case 'migrate':
      await runMigrate(config);
      return 0;
    case 'seed':
      if (!values.demo) throw new UsageError('seed needs --demo (the only data set so far)');
      await runSeed(config);
      return 0;
    case 'token':
      console.log(await issueToken(config, { tenant: values.tenant, subject: values.subject, roles: values.roles }));
      return 0;
    case 'openapi':
      console.log(await printOpenApi(config));
      return 0;
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

/** Flags override their environment twins; the result goes through the one config parser. */
function configFrom(values: Record<string, unknown>): Config {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const [flag, variable] of Object.entries(flagToEnv)) {
    const value = values[flag];
    if (typeof value === 'string') env[variable] = value;
  }
  return loadConfig(env);
}

class UsageError extends Error {}

const PLATFORM_COMMANDS = new Set(['start', 'migrate', 'seed', 'token', 'openapi']);

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`tessera: ${(error as Error).message}`);
      if (error instanceof UsageError) console.error(usage);
      process.exitCode = 2;
      return;
    }
    console.error(error);
    process.exitCode = 1;
  },
);
