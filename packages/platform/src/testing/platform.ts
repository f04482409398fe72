import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from '../config/config.js';
import { migrate } from '../db/migrations.js';
import { buildHttpApp } from '../runtime/http-app.js';
import { createPlatform, type Platform } from '../runtime/platform.js';
import type { ServiceModule } from '../runtime/service-module.js';
import { createMetrics } from '../observability/metrics.js';
import { silentLogger } from '../observability/logger.js';
import { setupTracing } from '../observability/tracing.js';
import { createScratchDatabase, dropScratchDatabase, openEmbeddedTestDatabase, uniqueToken } from './backends.js';
import type { HttpApp } from '../http/server.js';

/** A platform on the backends this test run targets, isolated from every other test file. */
export interface TestPlatform extends Platform {
  /** Config of this platform: spawn child processes with `testEnv(config)` to share its backends. */
  config: Config;
  cleanup(): Promise<void>;
}

/**
 * Opens a platform of its own: a fresh PGlite in memory or a scratch PostgreSQL database, a random bus
 * namespace and cache prefix; migrates the kernel and `modules`. `cleanup()` closes it and removes what it
 * created on the shared servers (database, NATS streams, Redis keys).
 */
export async function createTestPlatform(modules: ServiceModule[] = [], overrides: Record<string, string> = {}): Promise<TestPlatform> {
  setupTracing({ memory: true });
  const token = uniqueToken();
  const databaseUrl = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : undefined;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    TESSERA_DATA_DIR: 'memory://',
    BUS_NAMESPACE: `t${token}`,
    CACHE_PREFIX: `tessera_test_${token}:`,
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '5',
    ...overrides,
  });
  const inMemory = !databaseUrl && config.TESSERA_DATA_DIR.startsWith('memory://');
  const database = inMemory ? await openEmbeddedTestDatabase() : undefined;
  const platform = await createPlatform(config, { logger: silentLogger(), metrics: createMetrics({ processMetrics: false }), database });
  platform.tenantDatabases.sources = modules.flatMap((m) => (m.migrations ? [m.migrations] : []));
  await migrate(platform.db, platform.tenantDatabases.sources);
  return Object.assign(platform, {
    config,
    async cleanup() {
      await platform.close();
      await removeSharedState(config);
    },
  });
}

/** Builds the HTTP app of a test platform (not listening; use `inject`). */
export function createTestApp(platform: Platform, modules: ServiceModule[] = []): Promise<HttpApp> {
  return buildHttpApp(platform, modules);
}

/** Environment for a child process that should share a test platform's backends. */
export function testEnv(config: Config, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  for (const key of ['DATABASE_URL', 'NATS_URL', 'REDIS_URL', 'BUS_NAMESPACE', 'CACHE_PREFIX'] as const) {
    const value = config[key];
    if (value !== undefined) env[key] = String(value);
  }
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

async function removeSharedState(config: Config): Promise<void> {
  if (config.DATABASE_URL && config.DATABASE_URL !== process.env.DATABASE_URL) await dropScratchDatabase(config.DATABASE_URL);
  if (config.NATS_URL) await removeTestStreams(config.NATS_URL, config.BUS_NAMESPACE);
  if (config.REDIS_URL) await removeTestKeys(config.REDIS_URL, config.CACHE_PREFIX);
}

/** Deletes the NATS streams of a test's bus namespace (`<NAMESPACE>_*`). */
export async function removeTestStreams(natsUrl: string, namespace: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const prefix = `${namespace}_`.toUpperCase();
    for await (const name of jsm.streams.names()) if (name.startsWith(prefix)) await jsm.streams.delete(name);
  } finally {
    await nc.close();
  }
}

/** Deletes a test's Redis keys (`<prefix>*`) only: the server is shared with other tests and developers. */
export async function removeTestKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
