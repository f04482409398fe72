import { randomUUID } from 'node:crypto';
import type { Database, Outbox } from '@tessera/platform';
import { ExampleEvents, type Ping, type PingChangedPayload } from '../contract/index.js';
import type { ExampleDatabase } from '../db/ping.table.js';
import { insertPing } from '../db/ping.repository.js';

/** Creates a ping and emits `example.ping.created` in the same transaction. */
export async function createPing(deps: { db: Database; outbox: Outbox }, tenantId: string, authorId: string | null, message: string): Promise<Ping> {
  return deps.db.withTenant<ExampleDatabase, Ping>(tenantId, async (tx) => {
    const ping = await insertPing(tx, tenantId, { id: randomUUID(), message, authorId });
    const data: PingChangedPayload = { pingId: ping.id, message: ping.message, version: ping.version };
    await deps.outbox.emit(tx, tenantId, [{ name: ExampleEvents.pingCreated, subject: ping.id, data }]);
    return ping;
  });
}
