import { createScratchDatabase, dropScratchDatabase, removeTestKeys, removeTestStreams, uniqueToken } from '@tessera/platform/testing';
import { childEnv, distributed, startTessera, stop, tempDataDir, type TesseraProcess } from '../../../server/test/support/processes.js';

export { distributed };

export interface WebServer {
  url: string;
  process: TesseraProcess;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts `tessera start --seed-demo` for a browser journey: embedded (PGlite, local bus, memory cache)
 * in the embedded test run, and on a scratch PostgreSQL database with NATS and Redis when this run
 * targets them, so the app is exercised end to end in both modes.
 */
export async function startWebServer(): Promise<WebServer> {
  const dataDir = await tempDataDir();
  const token = uniqueToken();
  const databaseUrl = distributed ? await createScratchDatabase(process.env.DATABASE_URL!) : undefined;
  const backends = distributed
    ? { DATABASE_URL: databaseUrl, NATS_URL: process.env.NATS_URL, REDIS_URL: process.env.REDIS_URL, BUS_NAMESPACE: `t${token}`, CACHE_PREFIX: `tessera_test_${token}:` }
    : {};
  const proc = await startTessera(['--seed-demo'], childEnv({ TESSERA_DATA_DIR: dataDir, ...backends, RATE_LIMIT_USER_PER_MINUTE: '100000', RATE_LIMIT_TENANT_PER_MINUTE: '1000000' }));
  return {
    url: proc.url,
    process: proc,
    dataDir,
    async stop() {
      await stop(proc);
      if (databaseUrl) await dropScratchDatabase(databaseUrl);
      if (backends.NATS_URL) await removeTestStreams(backends.NATS_URL, backends.BUS_NAMESPACE!);
      if (backends.REDIS_URL) await removeTestKeys(backends.REDIS_URL, backends.CACHE_PREFIX!);
    },
  };
}
