import { AppError, type Database, type Outbox } from '@tessera/platform';
import { ExampleEvents, type Ping, type PingChangedPayload } from '../contract/index.js';
import type { ExampleDatabase } from '../db/ping.table.js';
import { findPing, updatePingMessage } from '../db/ping.repository.js';

/**
 * Changes a ping's message if the caller saw the current version (optimistic concurrency) and `mayChange`
 * accepts its author (the route's object-level check).
 */
export async function updatePing(
  deps: { db: Database; outbox: Outbox },
  tenantId: string,
  command: { id: string; message: string; expectedVersion: number; mayChange: (authorId: string | null) => void },
): Promise<Ping> {
  return deps.db.withTenant<ExampleDatabase, Ping>(tenantId, async (tx) => {
    const existing = await findPing(tx, tenantId, command.id);
    if (!existing) throw pingNotFound(command.id);
    command.mayChange(existing.authorId);
    const version = await updatePingMessage(tx, tenantId, command.id, command.message, command.expectedVersion);
    if (version === undefined) {
      const current = await findPing(tx, tenantId, command.id);
      if (!current) throw pingNotFound(command.id);
      throw new AppError('precondition_failed', 'EXAMPLE.PING_VERSION_MISMATCH',
        `Ping ${command.id} is at version ${current.version}, not ${command.expectedVersion}`);
    }
    const data: PingChangedPayload = { pingId: command.id, message: command.message, version };
    await deps.outbox.emit(tx, tenantId, [{ name: ExampleEvents.pingUpdated, subject: command.id, data }]);
    const updated = await findPing(tx, tenantId, command.id);
    if (!updated) throw pingNotFound(command.id);
    return updated;
  });
}

/** The error for a ping the tenant does not have (another tenant's ping is equally "not found"). */
export function pingNotFound(id: string): AppError {
  return new AppError('not_found', 'EXAMPLE.PING_NOT_FOUND', `No ping ${id}`);
}
