import type { Subscription } from '../bus/bus.js';
import type { Config, Role } from '../config/config.js';
import { migrate, type MigrationSource } from '../db/migrations.js';
import type { HttpApp } from '../http/server.js';
import { flushTracing, otlpExporter, setupTracing } from '../observability/tracing.js';
import { pruneIdempotencyKeys } from '../http/idempotency.js';
import { buildHttpApp, type HttpAppOptions } from './http-app.js';
import { startJobs, type RunningJobs, type ServiceJob } from './jobs.js';
import { createPlatform, type Platform, type PlatformOptions } from './platform.js';
import type { ServiceModule } from './service-module.js';

export interface StartOptions extends PlatformOptions {
  config: Config;
  modules: ServiceModule[];
  seedDemo?: boolean;
  extraRoutes?: HttpAppOptions['extraRoutes'];
}

/** A started process: what it runs, where it listens, and how to stop it gracefully. */
export interface RunningProcess {
  platform: Platform;
  roles: Role[];
  app: HttpApp | undefined;
  /** Where the process listens: the API for `api` processes, health and metrics only for the others. */
  url: string | undefined;
  subscriptions: Subscription[];
  stop(): Promise<void>;
}

const LAG_SAMPLE_MS = 10_000;

/**
 * Starts one process: migrates, optionally seeds, then runs the configured roles for the configured services
 * (`TESSERA_SERVICES`, all when unset). The same function runs the embedded all-in-one process and each
 * process of a distributed deployment.
 */
export async function startProcess(options: StartOptions): Promise<RunningProcess> {
  const { config } = options;
  setupTracing({ exporter: otlpExporter(config.OTEL_EXPORTER_OTLP_ENDPOINT), serviceName: `tessera-${config.TESSERA_ROLES.join('-')}` });
  const modules = selectModules(options.modules, config.TESSERA_SERVICES);
  const platform = await createPlatform(config, options);
  const state = { draining: false };
  let app: HttpApp | undefined;
  const subscriptions: Subscription[] = [];
  let dedicatedScan: NodeJS.Timeout | undefined;
  let jobs: RunningJobs | undefined;
  try {
    platform.tenantDatabases.sources = migrationSourcesOf(options.modules);
    await migrate(platform.db, platform.tenantDatabases.sources);
    if (options.seedDemo) for (const module of modules) await module.seedDemo?.(platform);
    const roles = config.TESSERA_ROLES;
    if (roles.includes('relay')) {
      platform.relay.start();
      dedicatedScan = scanDedicatedDatabases(platform);
      jobs = startJobs([...kernelJobs(platform), ...modules.flatMap((module) => module.jobs?.(platform) ?? [])], platform.logger);
    }
    if (roles.includes('worker')) subscriptions.push(...(await subscribeConsumers(platform, modules)));
    const sampler = roles.includes('worker') ? sampleConsumerLag(platform, modules) : undefined;
    // Worker- and relay-only processes still listen, serving just the kernel routes (health, readiness,
    // metrics), so orchestrators can probe them and Prometheus can scrape consumer lag.
    const servesApi = roles.includes('api');
    app = await buildHttpApp(platform, servesApi ? modules : [], { state, extraRoutes: servesApi ? options.extraRoutes : undefined });
    const url = await app.listen({ port: config.PORT, host: config.HOST });
    platform.logger.info({ roles, services: modules.map((m) => m.name), url, bus: platform.bus.kind, database: platform.db.kind, cache: platform.cache.kind }, 'tessera started');
    return {
      platform,
      roles,
      app,
      url,
      subscriptions,
      stop: () => {
        clearInterval(dedicatedScan);
        return shutdown({ platform, app, subscriptions, state, sampler, jobs });
      },
    };
  } catch (error) {
    clearInterval(dedicatedScan);
    await shutdown({ platform, app, subscriptions, state, sampler: undefined, jobs }).catch(() => undefined);
    throw error;
  }
}

/** The kernel's own periodic work in relay processes. */
function kernelJobs(platform: Platform): ServiceJob[] {
  return [{
    name: 'platform.rotate-signing-key',
    everyMs: 60 * 60_000,
    run: async () => {
      const kid = await platform.keys.rotateIfOlderThan(platform.config.SIGNING_KEY_MAX_AGE_DAYS);
      if (kid) platform.logger.info({ kid }, 'signing key rotated on schedule');
    },
  }];
}

/** Stop accepting and drain HTTP, drain consumers and jobs, flush the outbox, close connections — in that order. */
async function shutdown(parts: {
  platform: Platform;
  app: HttpApp | undefined;
  subscriptions: Subscription[];
  state: { draining: boolean };
  sampler: NodeJS.Timeout | undefined;
  jobs: RunningJobs | undefined;
}): Promise<void> {
  parts.state.draining = true;
  if (parts.sampler) clearInterval(parts.sampler);
  // Requests in flight when closing began still finish on keep-alive connections, which would then stay open
  // for Fastify's keepAliveTimeout (72 s) and hold up the close past the shutdown deadline: reap them as they
  // go idle (idle ones only, so no response in progress is cut off).
  const reaper = parts.app ? setInterval(() => parts.app?.server.closeIdleConnections(), 100) : undefined;
  try {
    await parts.app?.close();
  } finally {
    clearInterval(reaper);
  }
  await Promise.all(parts.subscriptions.map((subscription) => subscription.drain()));
  await parts.jobs?.stop();
  await parts.platform.close();
  await flushTracing();
}

/** Every service's migrations: each database (shared or an enterprise tenant's) carries all of them. */
function migrationSourcesOf(modules: ServiceModule[]): MigrationSource[] {
  return modules.flatMap((module) => (module.migrations ? [module.migrations] : []));
}

const DEDICATED_SCAN_MS = 30_000;
const PRUNE_EVERY_SCANS = 20;

/**
 * Kernel housekeeping in relay processes: relays publish the outboxes of enterprise tenants' own databases too
 * (including ones provisioned by another process), and expired idempotency records are pruned everywhere.
 */
function scanDedicatedDatabases(platform: Platform): NodeJS.Timeout {
  let scans = 0;
  const scan = async () => {
    try {
      const dedicated = await platform.tenantDatabases.openAll();
      if (scans++ % PRUNE_EVERY_SCANS === 0) for (const db of [platform.db, ...dedicated]) await pruneIdempotencyKeys(db);
    } catch (error) {
      platform.logger.warn({ err: error }, 'kernel housekeeping failed');
    }
  };
  void scan();
  return setInterval(() => void scan(), DEDICATED_SCAN_MS).unref();
}

function selectModules(modules: ServiceModule[], names: readonly string[] | undefined): ServiceModule[] {
  if (!names || names.length === 0) return modules;
  const unknown = names.filter((name) => !modules.some((module) => module.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown service(s) in TESSERA_SERVICES: ${unknown.join(', ')}; known: ${modules.map((m) => m.name).join(', ')}`);
  }
  return modules.filter((module) => names.includes(module.name));
}

async function subscribeConsumers(platform: Platform, modules: ServiceModule[]): Promise<Subscription[]> {
  const registrations = modules.flatMap((module) => module.consumers?.(platform) ?? []);
  return Promise.all(registrations.map(({ spec, handler }) => platform.bus.subscribe(spec, handler)));
}

function sampleConsumerLag(platform: Platform, modules: ServiceModule[]): NodeJS.Timeout {
  const specs = modules.flatMap((module) => module.consumers?.(platform) ?? []).map((r) => r.spec);
  return setInterval(() => {
    for (const spec of specs) {
      platform.bus.pending(spec.durable, spec.events).then(
        (lag) => platform.metrics.consumerLag.set({ durable: spec.durable }, lag),
        (error: Error) => platform.logger.debug({ err: error }, 'lag sample failed'),
      );
    }
  }, LAG_SAMPLE_MS).unref();
}
