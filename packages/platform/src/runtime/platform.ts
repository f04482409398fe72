import { CacheGenerations } from '../cache/generations.js';
import { Permissions } from '../auth/permissions.js';
import { SessionRevocations } from '../auth/session-revocations.js';
import { SigningKeys } from '../auth/signing-keys.js';
import { AccessTokens } from '../auth/tokens.js';
import type { Bus } from '../bus/bus.js';
import { DatabaseDeadLetterSink } from '../bus/dead-letters.js';
import { LocalBus } from '../bus/local-bus.js';
import { NatsBus } from '../bus/nats-bus.js';
import { createCache } from '../cache/create-cache.js';
import { createLiveChannel } from '../live/create-live-channel.js';
import { createMailer } from '../mail/create-mailer.js';
import { createBlobStore } from '../blobs/create-blob-store.js';
import type { Config } from '../config/config.js';
import { Database } from '../db/database.js';
import { Outbox } from '../events/outbox.js';
import { OutboxRelay } from '../events/relay.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { createMetrics, type Metrics } from '../observability/metrics.js';
import { TenantDatabases } from '../tenancy/tenant-databases.js';
import { TenantRegistry } from '../tenancy/tenant-registry.js';
import { kernelGrants } from './kernel-routes.js';
import type { ServiceContext } from './service-module.js';

/** The kernel's adapters for one process, chosen by configuration: the same code in both modes. */
export interface Platform extends ServiceContext {
  relay: OutboxRelay;
  close(): Promise<void>;
}

export interface PlatformOptions {
  logger?: Logger;
  metrics?: Metrics;
  /** An already opened database to use instead of opening one from the configuration (tests); the platform closes it. */
  database?: Database;
}

/**
 * Opens the database (PostgreSQL with `DATABASE_URL`, else PGlite in the data folder), the bus (NATS
 * JetStream with `NATS_URL`, else the database-backed local bus), the live channel (NATS pub/sub beside a NATS
 * bus, else in-process) and the cache (Redis with `REDIS_URL`, else in-memory). Nothing is started: roles
 * decide what runs.
 */
export async function createPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const metrics = options.metrics ?? createMetrics();
  const db = options.database ?? await Database.open({
    url: config.DATABASE_URL,
    dataDir: embeddedDataDir(config),
    poolSize: config.DATABASE_POOL_SIZE,
  });
  const closers: Array<() => Promise<void>> = [() => db.close()];
  try {
    const bus = await openBus(config, db, metrics, logger);
    closers.unshift(() => bus.close());
    // Rides on the bus's NATS connection, so it closes first.
    const live = createLiveChannel(bus, config.BUS_NAMESPACE, logger);
    closers.unshift(() => live.close());
    const cache = await createCache({ redisUrl: config.REDIS_URL, prefix: config.CACHE_PREFIX, metrics });
    closers.unshift(() => cache.close());
    const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, dataDir: config.TESSERA_DATA_DIR });
    closers.unshift(() => mailer.close());
    const blobs = createBlobStore({ folder: config.TESSERA_BLOB_DIR, dataDir: config.TESSERA_DATA_DIR });
    closers.unshift(() => blobs.close());
    const keys = new SigningKeys(db);
    const relay = new OutboxRelay(db, bus, metrics, logger);
    const tenants = new TenantRegistry(db, new CacheGenerations(cache));
    const tenantDatabases = new TenantDatabases(db, tenants, { url: config.DATABASE_URL, dataDir: config.TESSERA_DATA_DIR, poolSize: config.DATABASE_POOL_SIZE });
    db.routeTenants((tenantId) => tenantDatabases.of(tenantId));
    tenantDatabases.onOpened((dedicated) => relay.addDatabase(dedicated));
    closers.unshift(() => tenantDatabases.close());
    return {
      mailer,
      blobs,
      tenants,
      tenantDatabases,
      revocations: new SessionRevocations(cache),
      permissions: new Permissions([kernelGrants]),
      config,
      db,
      bus,
      live,
      cache,
      keys,
      relay,
      metrics,
      logger,
      outbox: new Outbox(db),
      tokens: new AccessTokens(keys, config.TESSERA_ISSUER, config.TESSERA_AUDIENCE),
      async close() {
        await relay.stop();
        // Dedicated tenant databases close before the main one; the relay has flushed their outboxes.
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => undefined);
    throw error;
  }
}

async function openBus(config: Config, db: Database, metrics: Metrics, logger: Logger): Promise<Bus> {
  const deadLetters = new DatabaseDeadLetterSink(db, metrics);
  if (config.NATS_URL) {
    return NatsBus.connect({ servers: config.NATS_URL, namespace: config.BUS_NAMESPACE, deadLetters, metrics, logger });
  }
  return new LocalBus(db, deadLetters, metrics, logger, { namespace: config.BUS_NAMESPACE });
}

function embeddedDataDir(config: Config): string {
  return config.TESSERA_DATA_DIR.startsWith('memory://') ? config.TESSERA_DATA_DIR : `${config.TESSERA_DATA_DIR}/pgdata`;
}
