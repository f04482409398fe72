import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupTracing, type ServiceModule } from '@tessera/platform';
import { createTestPlatform, type TestPlatform } from '@tessera/platform/testing';

export interface BenchPlatform {
  platform: TestPlatform;
  /** The adapters actually in use, e.g. `postgres · nats bus · redis cache`. */
  backends: string;
  close(): Promise<void>;
}

/** Rate limits far above anything a bench can send, so the limiter is exercised but never trips. */
export const UNREACHABLE_LIMIT = '1000000000';

/**
 * A kernel platform on isolated backends, chosen by the environment like the server's own: a scratch PostgreSQL
 * database, a random bus namespace and cache prefix (all removed by `close`), or an embedded PGlite in a
 * temporary folder (the `npm start` layout) or in memory (`BENCH_EMBEDDED_DATA=memory`).
 */
export async function openBenchPlatform(modules: ServiceModule[]): Promise<BenchPlatform> {
  // Installed first so the test platform's in-memory span exporter is not: the bench should pay for tracing
  // what production pays (context propagation, spans going nowhere) and not pile up every span in memory.
  setupTracing();
  const onDisk = !process.env.DATABASE_URL && process.env.BENCH_EMBEDDED_DATA !== 'memory';
  const dataDir = onDisk ? await mkdtemp(join(tmpdir(), 'tessera-bench-')) : 'memory://';
  try {
    const platform = await createTestPlatform(modules, {
      TESSERA_DATA_DIR: dataDir,
      DATABASE_POOL_SIZE: '10', // the server's default (the test platform's 5 suits many parallel test files)
      RATE_LIMIT_USER_PER_MINUTE: UNREACHABLE_LIMIT,
      RATE_LIMIT_TENANT_PER_MINUTE: UNREACHABLE_LIMIT,
      LOG_LEVEL: 'warn',
    });
    const database = platform.db.kind === 'pglite' ? `pglite (${onDisk ? 'disk' : 'memory'})` : platform.db.kind;
    return {
      platform,
      backends: `${database} · ${platform.bus.kind} bus · ${platform.cache.kind} cache`,
      async close() {
        await platform.cleanup();
        if (onDisk) await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (onDisk) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
