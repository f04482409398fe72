import { sql } from 'kysely';
import type { ServiceContext, ServiceJob } from '@tessera/platform';
import type { AnalyticsDatabase } from '../db/analytics.table.js';
import { saveWatermark } from '../db/window.repository.js';
import { WINDOW_MS } from '../domain/window.js';
import { closeUpTo } from './aggregate-batch.js';
import type { AnalyticsDeps } from './deps.js';

/** A tenant that sends nothing for this long (wall clock) has its watermark moved on, so its windows close. */
export const IDLE_GRACE_MS = 10_000;
const CLOSE_EVERY_MS = 5_000;
const PRUNE_EVERY_MS = 60 * 60_000;

type JobDeps = AnalyticsDeps & Pick<ServiceContext, 'tenantDatabases'>;

export function windowJobs(deps: JobDeps): ServiceJob[] {
  return [
    { name: 'analytics.close-idle-windows', everyMs: CLOSE_EVERY_MS, run: async () => { await closeIdleWindows(deps); } },
    { name: 'analytics.prune-event-ids', everyMs: PRUNE_EVERY_MS, run: async () => { await pruneEventIds(deps); } },
  ];
}

/**
 * Event time only moves when events arrive: a tenant whose learners went quiet would keep its last windows open
 * for ever. Once the wall clock is `IDLE_GRACE_MS` past a window's end plus the allowed lateness, the tenant's
 * latest event time is moved up to the clock less the grace (recorded, so later batches judge lateness the same
 * way) and the windows close. Answers how many closed.
 */
export async function closeIdleWindows(deps: JobDeps, now = new Date()): Promise<number> {
  const moveTo = now.getTime() - IDLE_GRACE_MS;
  const lateness = deps.config.ANALYTICS_ALLOWED_LATENESS_MS;
  let closed = 0;
  for (const database of [deps.db, ...await deps.tenantDatabases.openAll()]) {
    const tenants = await database.withSystem<AnalyticsDatabase, string[]>(async (tx) => (await tx.selectFrom('analytics.windows').select('tenant_id').distinct()
      .where('closed', '=', false).where('window_start', '<=', new Date(moveTo - lateness - WINDOW_MS)).execute()).map((row) => row.tenant_id));
    for (const tenantId of tenants) {
      closed += await database.withTenant<AnalyticsDatabase, number>(tenantId, async (tx) => {
        await saveWatermark(tx, tenantId, new Date(moveTo), 0);
        const latest = await tx.selectFrom('analytics.watermarks').select('max_event_time').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
        return closeUpTo(deps, tx, tenantId, latest.max_event_time.getTime() - lateness);
      });
    }
  }
  return closed;
}

/** Event ids older than any event ingest still accepts can no longer be repeated: they are forgotten. */
export async function pruneEventIds(deps: JobDeps, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - deps.config.ANALYTICS_MAX_EVENT_AGE_MS - 60 * 60_000);
  let pruned = 0;
  for (const database of [deps.db, ...await deps.tenantDatabases.openAll()]) {
    pruned += await database.withSystem<AnalyticsDatabase, number>(async (tx) => {
      const result = await sql`delete from analytics.event_ids where event_time < ${before}`.execute(tx);
      return Number(result.numAffectedRows ?? 0);
    });
  }
  return pruned;
}
