import { createHash, randomUUID } from 'node:crypto';
import { decodeCursor, toPage, type Tx } from '@tessera/platform';
import type { BillingDatabase } from '../db/billing.table.js';
import { appendEntry } from '../db/ledger.repository.js';
import {
  changePayout, findPayout, findPayoutSettings, insertPayout, listPayouts, lockPayoutRuns, payableBalances, payeePostings, payoutsOfRun,
  pendingPayouts, previousPayout, savePayoutSettings, type PayoutRow, type PayoutStatus,
} from '../db/payout.repository.js';
import { payoutEntry, type LedgerEntry } from '../domain/ledger.js';
import { ProviderUnavailable } from '../providers/provider.js';
import type { BillingDeps } from './deps.js';
import { billingErrors } from './errors.js';

type Db = Tx<BillingDatabase>;

/** The minimum payout until a tenant admin changes it (minor units of the payout's currency). */
export const DEFAULT_PAYOUT_MINIMUM_MINOR = 5000;
// Bounded work per call: what is left waits for the next run.
const PAYEES_PER_RUN = 1000;
const PENDING_PER_RETRY = 100;

export interface Payout {
  id: string;
  payeeId: string;
  currency: string;
  amountMinor: number;
  status: PayoutStatus;
  providerRef: string | null;
  runId: string;
  periodEnd: string;
  failure: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PayoutRun {
  /** Names the run: the same id pays each payee at most once per currency, however often (or concurrently) it runs. */
  runId: string;
  /** Overrides the tenant's minimum payout for this run. */
  minimumMinor?: number;
  now: Date;
}

/** A payout and the orders that make it up: the payee's share of each sale and refund since their previous payout. */
export interface PayoutStatement {
  payout: Payout;
  orders: Array<{ orderId: string | null; kind: string; amountMinor: number; at: string }>;
}

export interface PayoutViewer {
  userId: string | null;
  isAdmin: boolean;
}

/**
 * Pays every payee owed at least the minimum. First, payouts an unreachable provider left pending are sent
 * again. Then, under a per-tenant lock, each payable balance becomes a `pending` payout and its ledger entry
 * (payable → clearing) in one transaction, so a balance is never paid twice. Then each payout of the run goes
 * to the provider, idempotent on `payout:<id>`: `paid`; unreachable: still `pending` for the next run;
 * refused: `failed`, and a reversing entry gives the payee their balance back.
 */
export async function runPayouts(deps: BillingDeps, tenantId: string, run: PayoutRun): Promise<{ runId: string; payouts: Payout[] }> {
  await retryPendingPayouts(deps, tenantId);
  await deps.db.withTenant<BillingDatabase, void>(tenantId, (tx) => bookPayouts(tx, tenantId, run));
  const ofRun = await deps.db.withTenant<BillingDatabase, PayoutRow[]>(tenantId, (tx) => payoutsOfRun(tx, tenantId, run.runId));
  for (const payout of ofRun) if (payout.status === 'pending') await sendPayout(deps, tenantId, payout);
  const settled = await deps.db.withTenant<BillingDatabase, PayoutRow[]>(tenantId, (tx) => payoutsOfRun(tx, tenantId, run.runId));
  return { runId: run.runId, payouts: settled.map(toPayout) };
}

/** Sends the tenant's pending payouts to the provider again (the same idempotency key: it pays once). Returns how many settled. */
export async function retryPendingPayouts(deps: BillingDeps, tenantId: string): Promise<number> {
  const pending = await deps.db.withTenant<BillingDatabase, PayoutRow[]>(tenantId, (tx) => pendingPayouts(tx, tenantId, PENDING_PER_RETRY));
  let settled = 0;
  for (const payout of pending) if (await sendPayout(deps, tenantId, payout)) settled++;
  return settled;
}

/** A run id derived from what names the run (a day, an Idempotency-Key), so asking again names the same run. */
export function runIdOf(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Shaped as a version-5 UUID so it fits the uuid column and API format.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

async function bookPayouts(tx: Db, tenantId: string, run: PayoutRun): Promise<void> {
  await lockPayoutRuns(tx, tenantId);
  const minimum = Math.max(run.minimumMinor ?? (await findPayoutSettings(tx, tenantId))?.minimum_minor ?? DEFAULT_PAYOUT_MINIMUM_MINOR, 1);
  for (const owed of await payableBalances(tx, tenantId, PAYEES_PER_RUN)) {
    if (owed.owedMinor < minimum || !UUID.test(owed.payeeId)) continue;
    const id = randomUUID();
    const row = { id, payee_id: owed.payeeId, currency: owed.currency, amount_minor: owed.owedMinor, run_id: run.runId, period_end: run.now };
    if (!await insertPayout(tx, tenantId, row)) continue;
    await appendEntry(tx, tenantId, `payout:${id}`, null, { ...payoutEntry(owed.payeeId, owed.owedMinor, owed.currency), memo: `payout ${id} of run ${run.runId}` });
  }
}

/** Has the provider pay one pending payout and records the outcome; true once it is no longer pending. */
async function sendPayout(deps: BillingDeps, tenantId: string, payout: PayoutRow): Promise<boolean> {
  let outcome: { providerRef: string } | { failure: string };
  try {
    const { payoutRef } = await deps.provider.payout({ payeeRef: payout.payee_id, amountMinor: payout.amount_minor, currency: payout.currency, idempotencyKey: `payout:${payout.id}` });
    outcome = { providerRef: payoutRef };
  } catch (error) {
    if (error instanceof ProviderUnavailable) {
      deps.logger.warn({ payoutId: payout.id }, 'payment provider unreachable while paying out; the payout stays pending and is sent again');
      return false;
    }
    deps.logger.warn({ err: error, payoutId: payout.id }, 'the provider refused a payout; it is reversed');
    outcome = { failure: error instanceof Error ? error.message : String(error) };
  }
  return deps.db.withTenant<BillingDatabase, boolean>(tenantId, async (tx) => {
    const current = await findPayout(tx, tenantId, payout.id, true);
    if (current?.status !== 'pending') return true;
    if ('providerRef' in outcome) {
      await changePayout(tx, tenantId, payout.id, { status: 'paid', provider_ref: outcome.providerRef });
      return true;
    }
    await changePayout(tx, tenantId, payout.id, { status: 'failed', failure: outcome.failure.slice(0, 500) });
    const reversal = reversed(payoutEntry(current.payee_id, current.amount_minor, current.currency));
    await appendEntry(tx, tenantId, `payout-reversal:${payout.id}`, null, { ...reversal, memo: `reversal of failed payout ${payout.id}` });
    return true;
  });
}

/** The mirror of an entry: what it debited is credited back and the other way round. */
function reversed(entry: LedgerEntry): LedgerEntry {
  return { ...entry, postings: entry.postings.map((posting) => ({ ...posting, amountMinor: -posting.amountMinor })) };
}

/** The payee's payouts (`payeeId`), or the tenant's (null), newest first. */
export async function payoutsOf(deps: BillingDeps, tenantId: string, payeeId: string | null, limit: number, cursor: string | undefined): Promise<{ items: Payout[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor, 2, ([at, id]) => typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && UUID.test(id)) : null;
  return deps.db.withTenant<BillingDatabase, { items: Payout[]; nextCursor: string | null }>(tenantId, async (tx) => {
    const rows = await listPayouts(tx, tenantId, payeeId, after ? { createdAt: new Date(String(after[0])), id: String(after[1]) } : null, limit + 1);
    return toPage(rows, limit, (row) => [row.created_at.toISOString(), row.id], toPayout);
  });
}

/** One payout with the orders behind it: the payee's own, or any for tenant admins (another's: 404, like a missing one). */
export async function payoutStatement(deps: BillingDeps, tenantId: string, payoutId: string, viewer: PayoutViewer): Promise<PayoutStatement> {
  if (!UUID.test(payoutId)) throw billingErrors.payoutNotFound(payoutId);
  return deps.db.withTenant<BillingDatabase, PayoutStatement>(tenantId, async (tx) => {
    const payout = await findPayout(tx, tenantId, payoutId);
    if (!payout || (!viewer.isAdmin && payout.payee_id !== viewer.userId)) throw billingErrors.payoutNotFound(payoutId);
    const previous = await previousPayout(tx, tenantId, payout);
    const postings = await payeePostings(tx, tenantId, payout.payee_id, payout.currency, previous?.created_at ?? null, payout.created_at);
    return {
      payout: toPayout(payout),
      orders: postings.map((line) => ({ orderId: line.orderId, kind: line.kind, amountMinor: line.amountMinor, at: line.at.toISOString() })),
    };
  });
}

/** The tenant's payout terms (the default minimum, version 1, until an admin changes them). */
export async function payoutSettingsOf(deps: BillingDeps, tenantId: string): Promise<{ minimumMinor: number; version: number }> {
  const stored = await deps.db.withTenant<BillingDatabase, { minimum_minor: number; version: number } | undefined>(tenantId, (tx) => findPayoutSettings(tx, tenantId));
  return { minimumMinor: stored?.minimum_minor ?? DEFAULT_PAYOUT_MINIMUM_MINOR, version: stored?.version ?? 1 };
}

/** Changes the minimum payout if the terms are still at `expectedVersion` (If-Match; 1 before any change). */
export async function changePayoutSettings(deps: BillingDeps, tenantId: string, expectedVersion: number, minimumMinor: number): Promise<{ minimumMinor: number; version: number }> {
  return deps.db.withTenant<BillingDatabase, { minimumMinor: number; version: number }>(tenantId, async (tx) => {
    const stored = await findPayoutSettings(tx, tenantId);
    const current = stored?.version ?? 1;
    if (current !== expectedVersion) throw billingErrors.stalePayoutSettings(current);
    if (!await savePayoutSettings(tx, tenantId, minimumMinor, current + 1, stored ? current : 0)) throw billingErrors.stalePayoutSettings(current + 1);
    return { minimumMinor, version: current + 1 };
  });
}

export function toPayout(row: PayoutRow): Payout {
  return {
    id: row.id, payeeId: row.payee_id, currency: row.currency, amountMinor: row.amount_minor, status: row.status, providerRef: row.provider_ref,
    runId: row.run_id, periodEnd: row.period_end.toISOString(), failure: row.failure, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
