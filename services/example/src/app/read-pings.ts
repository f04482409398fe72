import type { Database } from '@tessera/platform';
import type { Ping } from '../contract/index.js';
import type { ExampleDatabase } from '../db/ping.table.js';
import { findPing, listPings } from '../db/ping.repository.js';
import { pingNotFound } from './update-ping.js';

/** One ping of the tenant. */
export async function getPing(db: Database, tenantId: string, id: string): Promise<Ping> {
  const ping = await db.withTenant<ExampleDatabase, Ping | undefined>(tenantId, (tx) => findPing(tx, tenantId, id));
  if (!ping) throw pingNotFound(id);
  return ping;
}

/** A page of the tenant's pings, newest first; fetches one extra row to know whether more follow. */
export async function listPingsPage(db: Database, tenantId: string, limit: number, after?: { createdAt: string; id: string }): Promise<Ping[]> {
  return db.withTenant<ExampleDatabase, Ping[]>(tenantId, (tx) => listPings(tx, tenantId, limit + 1, after));
}
