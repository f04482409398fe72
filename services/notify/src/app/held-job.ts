import type { ServiceContext, ServiceJob } from '@tessera/platform';
import { dueHeld } from '../db/delivery.repository.js';
import type { NotifyDatabase } from '../db/notify.table.js';
import type { NotifyDeps } from './deps.js';
import { sendDueOfUser } from './deliveries.js';

export const HELD_EVERY_MS = 60_000;
const USERS_PER_RUN = 500;

export function heldDeliveriesJob(deps: NotifyDeps & Pick<ServiceContext, 'tenantDatabases'>): ServiceJob {
  return { name: 'notify.send-held', everyMs: HELD_EVERY_MS, run: async () => { await sendHeldDeliveries(deps); } };
}

/** Sends what was held for quiet hours, a digest or the send rate and is now due, one email (or digest) per user; returns how many deliveries moved on. */
export async function sendHeldDeliveries(deps: NotifyDeps & Pick<ServiceContext, 'tenantDatabases'>, now = new Date()): Promise<number> {
  let sent = 0;
  for (const database of [deps.db, ...await deps.tenantDatabases.openAll()]) {
    const users = await database.withSystem<NotifyDatabase, Array<{ tenantId: string; userId: string }>>((tx) => dueHeld(tx, now, USERS_PER_RUN));
    for (const { tenantId, userId } of users) {
      try {
        sent += await sendDueOfUser(deps, tenantId, userId, now);
      } catch (error) {
        // One user's mail server trouble must not hold up everyone else's digest: the next run tries again.
        deps.logger.warn({ err: error, userId }, 'could not send held notifications');
      }
    }
  }
  return sent;
}
