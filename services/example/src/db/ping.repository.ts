import type { Tx } from '@tessera/platform';
import type { Ping } from '../contract/index.js';
import type { ExampleDatabase, PingRow } from './ping.table.js';

type Db = Tx<ExampleDatabase>;
const columns = ['id', 'message', 'author_id', 'version', 'created_at', 'updated_at'] as const;

/** Inserts a ping and returns it as stored. */
export async function insertPing(tx: Db, tenantId: string, ping: { id: string; message: string; authorId: string | null }): Promise<Ping> {
  const row = await tx.insertInto('example.pings')
    .values({ id: ping.id, tenant_id: tenantId, message: ping.message, author_id: ping.authorId })
    .returning(columns).executeTakeFirstOrThrow();
  return toPing(row, 0);
}

/** A ping with its receipt count, or undefined when the tenant has no such ping. */
export async function findPing(tx: Db, tenantId: string, id: string): Promise<Ping | undefined> {
  const row = await tx.selectFrom('example.pings as p')
    .select([...columns.map((c) => `p.${c}` as const)])
    .select((eb) => eb.selectFrom('example.ping_receipts as r').whereRef('r.ping_id', '=', 'p.id').select(eb.fn.countAll<number>().as('n')).as('receipts'))
    .where('p.tenant_id', '=', tenantId).where('p.id', '=', id)
    .executeTakeFirst();
  return row ? toPing(row, Number(row.receipts ?? 0)) : undefined;
}

/** Pings newest first, continuing after `after` (created_at, id). */
export async function listPings(tx: Db, tenantId: string, limit: number, after?: { createdAt: string; id: string }): Promise<Ping[]> {
  let query = tx.selectFrom('example.pings as p')
    .select([...columns.map((c) => `p.${c}` as const)])
    .select((eb) => eb.selectFrom('example.ping_receipts as r').whereRef('r.ping_id', '=', 'p.id').select(eb.fn.countAll<number>().as('n')).as('receipts'))
    .where('p.tenant_id', '=', tenantId)
    .orderBy('p.created_at', 'desc').orderBy('p.id', 'desc')
    .limit(limit);
  if (after) {
    query = query.where((eb) => eb.or([
      eb('p.created_at', '<', new Date(after.createdAt)),
      eb.and([eb('p.created_at', '=', new Date(after.createdAt)), eb('p.id', '<', after.id)]),
    ]));
  }
  const rows = await query.execute();
  return rows.map((row) => toPing(row, Number(row.receipts ?? 0)));
}

/** Updates the message if the stored version is `expectedVersion`; returns the new version or undefined. */
export async function updatePingMessage(tx: Db, tenantId: string, id: string, message: string, expectedVersion: number): Promise<number | undefined> {
  const row = await tx.updateTable('example.pings')
    .set((eb) => ({ message, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', expectedVersion)
    .returning('version').executeTakeFirst();
  return row?.version;
}

/** Records that the consumer saw `eventId` for a ping. */
export async function insertReceipt(tx: Db, tenantId: string, pingId: string, eventId: string): Promise<void> {
  await tx.insertInto('example.ping_receipts').values({ tenant_id: tenantId, ping_id: pingId, event_id: eventId }).execute();
}

function toPing(row: Pick<PingRow, (typeof columns)[number]>, receipts: number): Ping {
  return {
    id: row.id,
    message: row.message,
    authorId: row.author_id,
    version: row.version,
    receipts,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
