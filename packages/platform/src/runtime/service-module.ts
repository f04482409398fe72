import type { AccessTokens } from '../auth/tokens.js';
import type { Bus, ConsumerSpec, MessageHandler } from '../bus/bus.js';
import type { Cache } from '../cache/cache.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { MigrationSource } from '../db/migrations.js';
import type { Outbox } from '../events/outbox.js';
import type { HttpApp } from '../http/server.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';

/** What the kernel hands every service: its adapters, never another service's code. */
export interface ServiceContext {
  config: Config;
  db: Database;
  outbox: Outbox;
  bus: Bus;
  cache: Cache;
  tokens: AccessTokens;
  metrics: Metrics;
  logger: Logger;
}

/** A consumer a service runs in the worker role. */
export interface ConsumerRegistration {
  spec: ConsumerSpec;
  handler: MessageHandler;
}

/**
 * A bounded context as the kernel sees it. `apps/server` composes these into processes; a service is
 * identified by `name`, which is also its database schema and the first token of its event names.
 */
export interface ServiceModule {
  name: string;
  /** Plain SQL migrations applied into the schema `name`. */
  migrations?: MigrationSource;
  /** Registers HTTP routes; they are mounted under `/api/v1` in an encapsulated plugin. */
  routes?: (app: HttpApp, context: ServiceContext) => Promise<void>;
  /** Durable consumers run by worker processes. */
  consumers?: (context: ServiceContext) => ConsumerRegistration[];
  /** Inserts demo data; must be idempotent (it runs on every `start --seed-demo`). */
  seedDemo?: (context: ServiceContext) => Promise<void>;
}
