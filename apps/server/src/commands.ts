import { DEMO_PASSWORD, DEMO_TENANT_ID, demoAccounts } from '@tessera/identity';
import { buildHttpApp, createPlatform, migrate, startProcess, type Config, type MigrationSource } from '@tessera/platform';
import { allServices } from './services.js';
import { registerWebRoutes } from './web-routes.js';

const migrationSources: MigrationSource[] = allServices.flatMap((service) => (service.migrations ? [service.migrations] : []));

/** Runs the process until SIGINT/SIGTERM, then shuts down gracefully within the configured time. */
export async function runStart(config: Config, options: { seedDemo: boolean }): Promise<void> {
  const running = await startProcess({
    config,
    modules: allServices,
    seedDemo: options.seedDemo,
    extraRoutes: config.TESSERA_ROLES.includes('api') ? registerWebRoutes : undefined,
  });
  if (!config.TESSERA_ROLES.includes('api')) {
    console.log(`Tessera ${config.TESSERA_ROLES.join(', ')} is running; health and metrics at ${publicUrl(config)}/healthz and /metrics`);
  } else if (running.url) {
    console.log(`Tessera is running at ${publicUrl(config)} (API docs at ${publicUrl(config)}/docs)`);
    if (options.seedDemo) {
      const accounts = demoAccounts.map((account) => `  ${account.email.padEnd(36)} ${account.roles.join(', ')}`).join('\n');
      console.log(`Demo accounts (password "${DEMO_PASSWORD}"; institution "demo", platform admin in "platform"):\n${accounts}`);
    }
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      running.platform.logger.info({ signal }, 'shutting down');
      const deadline = setTimeout(() => {
        running.platform.logger.error('shutdown timed out; exiting');
        process.exit(1);
      }, config.SHUTDOWN_TIMEOUT_MS).unref();
      running.stop().then(() => {
        clearTimeout(deadline);
        resolve();
      }, (error: unknown) => {
        running.platform.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export async function runMigrate(config: Config): Promise<void> {
  await withPlatform(config, async (platform) => {
    const applied = await migrate(platform.db, migrationSources);
    console.log(applied.length === 0 ? 'Database is up to date' : `Applied ${applied.map((m) => `${m.schema}/${m.name}`).join(', ')}`);
  });
}

export async function runSeed(config: Config): Promise<void> {
  await withPlatform(config, async (platform) => {
    await migrate(platform.db, migrationSources);
    for (const service of allServices) await service.seedDemo?.(platform);
    console.log('Demo data is in place');
  });
}

/** An access token for local use (until identity issues them at sign-in). */
export async function issueToken(config: Config, options: { tenant?: string | undefined; subject?: string | undefined; roles?: string | undefined }): Promise<string> {
  return withPlatform(config, async (platform) => {
    await migrate(platform.db, migrationSources);
    return platform.tokens.issue({
      subject: options.subject ?? 'demo-user',
      tenantId: options.tenant ?? DEMO_TENANT_ID,
      roles: (options.roles ?? 'student').split(',').map((role) => role.trim()).filter(Boolean),
    });
  });
}

async function withPlatform<T>(config: Config, work: (platform: Awaited<ReturnType<typeof createPlatform>>) => Promise<T>): Promise<T> {
  const platform = await createPlatform({ ...config, LOG_LEVEL: 'warn' });
  try {
    return await work(platform);
  } finally {
    await platform.close();
  }
}

function publicUrl(config: Config): string {
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  return `http://${host}:${config.PORT}`;
}

/**
 * The OpenAPI document of every service's routes, built in memory without a data folder: the web app's
 * typed client is generated from it (`npm run generate:api`).
 */
export async function printOpenApi(config: Config): Promise<string> {
  return withPlatform({ ...config, TESSERA_DATA_DIR: 'memory://openapi', DATABASE_URL: undefined, NATS_URL: undefined, REDIS_URL: undefined }, async (platform) => {
    const app = await buildHttpApp(platform, allServices);
    try {
      const response = await app.inject({ method: 'GET', url: '/openapi.json' });
      return JSON.stringify(response.json(), null, 2);
    } finally {
      await app.close();
    }
  });
}
