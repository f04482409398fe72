/** @tessera/platform — the kernel every service builds on. No domain code lives here. */

/** Errors with a stable code and a kind the HTTP kit maps to a status. */
export { AppError, isAppError, type ErrorKind } from './errors.js';
/** Configuration parsed once from the environment. */
export { loadConfig, ConfigError, ROLES, type Config, type Role } from './config/config.js';
/** Database access, tenancy and migrations. */
export { Database, APP_ROLE, type Tx } from './db/database.js';
export { migrate, readMigrations, MigrationChecksumError, kernelMigrations, type MigrationSource } from './db/migrations.js';
/** Events: CloudEvents envelopes, the transactional outbox, the relay and idempotent consumption. */
export { toCloudEvent, eventNameOf, type CloudEvent, type NewEvent } from './events/envelope.js';
export { Outbox } from './events/outbox.js';
export { OutboxRelay } from './events/relay.js';
export { idempotent, type IdempotentHandler } from './events/inbox.js';
export { checkedPayload } from './events/payload.js';
/** The bus contract and its adapters. */
export { consumerSpec, type Bus, type ConsumerSpec, type Delivery, type MessageHandler, type Subscription } from './bus/bus.js';
export { LocalBus } from './bus/local-bus.js';
export { NatsBus } from './bus/nats-bus.js';
export { DatabaseDeadLetterSink } from './bus/dead-letters.js';
/** Live notifications to every process (not stored, not replayed), e.g. for Server-Sent Events. */
export { assertLiveTopic, type LiveChannel, type LiveListener } from './live/live-channel.js';
export { LocalLiveChannel } from './live/local-live-channel.js';
export { NatsLiveChannel } from './live/nats-live-channel.js';
/** The cache contract and its adapters. */
export type { Cache } from './cache/cache.js';
export { createCache } from './cache/create-cache.js';
export { CacheGenerations } from './cache/generations.js';
/** Mail: SMTP in distributed mode, `.eml` files (or memory) in embedded mode. */
export type { Mailer, MailMessage, SentMail, MailOutbox, MailOutboxQuery } from './mail/mailer.js';
export { createMailer, type CreateMailerOptions } from './mail/create-mailer.js';
/** Blobs (uploaded files and their derivatives): a local folder by default, memory in tests. */
export { BlobTooLargeError, InvalidBlobKeyError, tenantBlobPrefix, type BlobStore, type BlobBody, type BlobInfo, type BlobRange, type PutBlobOptions, type StoredBlob } from './blobs/blob-store.js';
export { createBlobStore, type CreateBlobStoreOptions } from './blobs/create-blob-store.js';
/** Access tokens and signing keys. */
export { AccessTokens, MAX_ACCESS_TOKEN_SECONDS, type Principal, type AccessClaims, type TokenKeys } from './auth/tokens.js';
export { ResourceLinks, type ResourceLink } from './auth/resource-links.js';
export { SigningKeys } from './auth/signing-keys.js';
export { SessionRevocations } from './auth/session-revocations.js';
export { Permissions, USER_ROLES, PUBLIC, AUTHENTICATED, type UserRole, type PermissionGrants } from './auth/permissions.js';
/** Tenancy: the registry every process reads, and where each tenant's data lives. */
export { TenantRegistry, type RegisteredTenant, type TenantTier, type TenantStatus } from './tenancy/tenant-registry.js';
export { TenantDatabases } from './tenancy/tenant-databases.js';
export { exportTenantData, eraseTenantData } from './tenancy/tenant-data.js';
/** The HTTP kit. */
export { createHttpApp, type HttpApp } from './http/server.js';
export { principalOf, personOf, actingUserId, hasPermission, assertOwnerOr, tenantOfHost, WEBSOCKET_BEARER_PROTOCOL, type CredentialVerifier } from './http/auth-hook.js';
export { PageQuery, Page, encodeCursor, decodeCursor, toPage } from './http/pagination.js';
export { problemTypes, type ProblemBody } from './http/problem.js';
export { etagOf, versionFromIfMatch } from './http/etag.js';
export { sendJsonText } from './http/json-text.js';
export { openEventStream, type EventStream, type EventStreamOptions } from './http/event-stream.js';
export { pruneIdempotencyKeys, IDEMPOTENCY_RETENTION_MS } from './http/idempotency.js';
export { RateLimiter, type RateLimitResult } from './http/rate-limiter.js';
/** Observability. */
export { createLogger, silentLogger, type Logger } from './observability/logger.js';
export { createMetrics, type Metrics } from './observability/metrics.js';
export { setupTracing, currentTraceparent, memorySpans } from './observability/tracing.js';
/** Composition: services, the platform of one process, and starting a process. */
export type { ServiceModule, ServiceContext, ConsumerRegistration } from './runtime/service-module.js';
export { startJobs, type ServiceJob, type RunningJobs } from './runtime/jobs.js';
export { createPlatform, type Platform } from './runtime/platform.js';
export { buildHttpApp } from './runtime/http-app.js';
export { startProcess, type RunningProcess, type StartOptions } from './runtime/process.js';
