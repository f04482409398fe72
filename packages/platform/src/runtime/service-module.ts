import type { PermissionGrants, Permissions } from '../auth/permissions.js';
import type { AccessTokens } from '../auth/tokens.js';
import type { SessionRevocations } from '../auth/session-revocations.js';
import type { SigningKeys } from '../auth/signing-keys.js';
import type { Bus, ConsumerSpec, MessageHandler } from '../bus/bus.js';
import type { Cache } from '../cache/cache.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { MigrationSource } from '../db/migrations.js';
import type { Outbox } from '../events/outbox.js';
import type { LiveChannel } from '../live/live-channel.js';
import type { CredentialVerifier } from '../http/auth-hook.js';
import type { HttpApp } from '../http/server.js';
import type { TenantDatabases } from '../tenancy/tenant-databases.js';
import type { TenantRegistry } from '../tenancy/tenant-registry.js';
import type { Mailer } from '../mail/mailer.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { ServiceJob } from './jobs.js';

/** What the kernel hands every service: its adapters, never another service's code. */
export interface ServiceContext {
  config: Config;
  db: Database;
  outbox: Outbox;
  bus: Bus;
  /** Notifications to every process's listeners right now (SSE pushes); not stored, not replayed. */
  live: LiveChannel;
  cache: Cache;
  tokens: AccessTokens;
  keys: SigningKeys;
  metrics: Metrics;
  logger: Logger;
  /** Outgoing mail (SMTP, or .eml files in the data folder). */
  mailer: Mailer;
  /** Files (uploads, derivatives): a folder shared by the API processes, or memory in tests. */
  blobs: BlobStore;
  /** Sessions whose access tokens every API process must refuse from now on. */
  revocations: SessionRevocations;
  /** Tenants' status and tier, as every process sees them. */
  tenants: TenantRegistry;
  /** Where each tenant's data lives; provisions enterprise tenants' own databases. */
  tenantDatabases: TenantDatabases;
  /** The permission model, with every composed service's grants. */
  permissions: Permissions;
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
  /** Which roles hold each of the service's permissions; every route names one. */
  permissions?: PermissionGrants;
  /** Credentials other than access tokens that the service verifies (API keys). */
  credentials?: (context: ServiceContext) => CredentialVerifier[];
  /** Durable consumers run by worker processes. */
  consumers?: (context: ServiceContext) => ConsumerRegistration[];
  /** Periodic jobs run by relay processes (each relay runs every job: see `ServiceJob`). */
  jobs?: (context: ServiceContext) => ServiceJob[];
  /** Inserts demo data; must be idempotent (it runs on every `start --seed-demo`). */
  seedDemo?: (context: ServiceContext) => Promise<void>;
}
