import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database, migrate } from '@tessera/platform';
import { PGLITE_TEMPLATE_ENV } from '@tessera/platform/testing';
import { allServices } from '../apps/server/src/services.js';
import { ensureWebBuilt } from '../apps/web/serve/index.js';

/**
 * Embedded runs: migrate one PGlite with the kernel and every service once, and dump it, so each test
 * file starts from the dump instead of initialising and migrating a cluster of its own.
 */
export default async function setup(): Promise<() => void> {
  // The browser journeys load the production build the server serves.
  ensureWebBuilt({ quiet: true });
  if (process.env.DATABASE_URL) return () => undefined;
  const folder = mkdtempSync(join(tmpdir(), 'tessera-test-template-'));
  const db = await Database.open({ dataDir: 'memory://' });
  try {
    await migrate(db, allServices.flatMap((service) => (service.migrations ? [service.migrations] : [])));
    const dump = await db.dumpDataDir();
    const file = join(folder, 'pglite.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env[PGLITE_TEMPLATE_ENV] = file;
  } finally {
    await db.close();
  }
  return () => rmSync(folder, { recursive: true, force: true });
}
