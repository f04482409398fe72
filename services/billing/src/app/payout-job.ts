import type { ServiceContext, ServiceJob } from '@tessera/platform';
import type { BillingDatabase } from '../db/billing.table.js';
import { tenantsWithPayables } from '../db/payout.repository.js';
import type { BillingDeps } from './deps.js';
import { runIdOf, runPayouts } from './payouts.js';

export const PAYOUT_RUN_EVERY_MS = 24 * 60 * 60_000;
const TENANTS_PER_RUN = 500;

export function payoutRunJob(deps: BillingDeps & Pick<ServiceContext, 'tenantDatabases'>): ServiceJob {
  return { name: 'billing.payout-run', everyMs: PAYOUT_RUN_EVERY_MS, run: async () => { await runDailyPayouts(deps); } };
}

/**
 * The daily payout run of every tenant that owes a payee something (or has a payout still pending). The run
 * id is the UTC day's, so every relay running the job, and every rerun that day, is the same run and pays
 * nobody twice. Returns how many tenants ran.
 */
export async function runDailyPayouts(deps: BillingDeps & Pick<ServiceContext, 'tenantDatabases'>, now = new Date()): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  let ran = 0;
  for (const database of [deps.db, ...await deps.tenantDatabases.openAll()]) {
    const tenants = await database.withSystem<BillingDatabase, string[]>((tx) => tenantsWithPayables(tx, TENANTS_PER_RUN));
    for (const tenantId of tenants) {
      try {
        await runPayouts(deps, tenantId, { runId: runIdOf('billing.payout-run', day), now });
        ran++;
      } catch (error) {
        deps.logger.warn({ err: error, tenantId }, 'payout run failed for a tenant; the next run tries again');
      }
    }
  }
  return ran;
}
