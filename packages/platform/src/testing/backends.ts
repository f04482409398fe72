import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { Database } from '../db/database.js';
import { migrate, type MigrationSource } from '../db/migrations.js';

/** Which backends this test run uses, from the same variables the server reads. */
export const testBackends = {
  database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
  bus: process.env.NATS_URL ? 'nats' : 'local',
  cache: process.env.REDIS_URL ? 'redis' : 'memory',
} as const;

/** A short random token for names that must not collide between test files (databases, namespaces, prefixes). */
export function uniqueToken(): string {
  return randomBytes(5).toString('hex');
}

/**
 * A migrated database of its own for one test file: a fresh in-memory PGlite (from the migrated template
 * unless `empty`), or a fresh PostgreSQL database
 * named `tessera_test_<token>` on the server of `DATABASE_URL`, dropped by `drop()`.
 */
export async function createTestDatabase(sources: MigrationSource[] = [], options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = options.empty ? await Database.open({ dataDir: 'memory://' }) : await openEmbeddedTestDatabase();
    await migrate(db, sources);
    return Object.assign(db, { url: undefined, drop: () => db.close() });
  }
  const testUrl = await createScratchDatabase(url);
  const db = await Database.open({ url: testUrl, poolSize: 5 });
  await migrate(db, sources);
  return Object.assign(db, {
    url: testUrl,
    drop: async () => {
      await db.close();
      await dropScratchDatabase(testUrl);
    },
  });
}

export type TestDatabase = Database & { url: string | undefined; drop(): Promise<void> };

/** Creates an empty database `tessera_test_<token>` next to `url` and returns its URL. */
export async function createScratchDatabase(url: string): Promise<string> {
  const name = `tessera_test_${uniqueToken()}`;
  await withAdmin(url, (client) => client.query(`create database ${name}`));
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return scratch.toString();
}

/** Drops a database made by `createScratchDatabase`; refuses any name without `test`. */
export async function dropScratchDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^tessera_test_[0-9a-f]+$/.test(name)) throw new Error(`Refusing to drop "${name}": not a scratch test database`);
  await withAdmin(url, (client) => client.query(`drop database if exists ${name} with (force)`));
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Where the test run's global setup left a migrated PGlite dump (see test/global-setup.ts). */
export const PGLITE_TEMPLATE_ENV = 'TESSERA_TEST_PGLITE_TEMPLATE';

/**
 * A fresh in-memory PGlite. Starting from the migrated template the global setup dumped is several times
 * faster than initialising an empty cluster; without one (a file run on its own) it starts empty.
 */
export async function openEmbeddedTestDatabase(): Promise<Database> {
  const template = process.env[PGLITE_TEMPLATE_ENV];
  const loadDataDir = template && existsSync(template) ? new Blob([readFileSync(template)]) : undefined;
  return Database.open({ dataDir: 'memory://', loadDataDir });
}
