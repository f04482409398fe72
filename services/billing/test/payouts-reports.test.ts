import { randomUUID } from 'node:crypto';
import { testBackends, testTenant, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillingDeps } from '../src/app/deps.js';
import { runDailyPayouts } from '../src/app/payout-job.js';
import { retryPendingPayouts, runIdOf, runPayouts } from '../src/app/payouts.js';
import { TEST_CARDS } from '../src/index.js';
import { ProviderUnavailable, type PaymentProvider } from '../src/providers/provider.js';
import { createTestProvider } from '../src/providers/test-provider.js';
import { billingKit, payHeaders, type BillingKit } from './support/billing-kit.js';

let kit: BillingKit;

interface Balances { accounts: Array<{ account: string; currency: string; balanceMinor: number }>; totals: Array<{ currency: string; sumMinor: number }> }
interface Payout { id: string; payeeId: string; amountMinor: number; status: string; failure: string | null; runId: string }
interface Statement { payout: Payout; orders: Array<{ orderId: string | null; kind: string; amountMinor: number }> }
interface CurrencyRow {
  currency: string; grossSalesMinor: number; refundsMinor: number; discountsMinor: number; taxMinor: number; commissionMinor: number; feesMinor: number;
  payoutsMinor: number; tenantRevenueMinor: number; netPayable: Array<{ payeeId: string; amountMinor: number; paidOutMinor: number }>;
}

beforeAll(async () => {
  kit = await billingKit();
});

afterAll(async () => {
  await kit?.close();
});

/** A tenant of its own (a payout run covers the whole tenant) with an instructor who is paid for their sales. */
async function shop(): Promise<{ admin: TestTenant; instructor: TestTenant }> {
  const admin = await testTenant(kit.platform, ['tenant_admin']);
  return { admin, instructor: await kit.member(admin, ['instructor']) };
}

async function sell(admin: TestTenant, course: { courseId: string; priceId: string }, couponCode?: string): Promise<string> {
  const student = await kit.member(admin);
  const { orderId } = await kit.pendingEnrollment(student, course);
  const paid = await kit.request(student, 'POST', `/billing/orders/${orderId}/pay`, { paymentMethod: TEST_CARDS.success, ...(couponCode ? { couponCode } : {}) }, payHeaders());
  expect(paid.json(), paid.body).toMatchObject({ status: 'paid' });
  return orderId;
}

async function balances(admin: TestTenant, asOf?: Date): Promise<Balances> {
  const response = await kit.request(admin, 'GET', `/billing/ledger/balances${asOf ? `?asOf=${asOf.toISOString()}` : ''}`);
  expect(response.statusCode).toBe(200);
  const books = response.json<Balances>();
  expect(books.totals.every((total) => total.sumMinor === 0), 'the books balance').toBe(true);
  return books;
}

function balanceOf(books: Balances, account: string): number {
  return books.accounts.find((row) => row.account === account)?.balanceMinor ?? 0;
}

async function owed(admin: TestTenant, payee: TestTenant): Promise<number> {
  return 0 - balanceOf(await balances(admin), `payable:${payee.subject}`);
}

/** The use cases wired as the service wires them, with a provider the test chooses. */
function depsWith(tenantProvider: PaymentProvider): BillingDeps {
  return { db: kit.platform.db, outbox: kit.platform.outbox, logger: kit.platform.logger, config: kit.platform.config, provider: tenantProvider };
}

const provider = (): PaymentProvider => createTestProvider({ webhookSecret: 'payout-tests' });

describe(`payouts (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('pays payees owed at least the minimum, once per run; the tenant\'s minimum is theirs to change', async () => {
    const { admin, instructor } = await shop();
    const small = await kit.member(admin, ['instructor']);
    await sell(admin, await kit.pricedCourse(admin, instructor, 10_000));
    await sell(admin, await kit.pricedCourse(admin, small, 1_000));
    const [big, little] = [await owed(admin, instructor), await owed(admin, small)];
    expect(big).toBeGreaterThanOrEqual(5_000);
    expect(little).toBeLessThan(5_000);

    const key = payHeaders();
    const run = await kit.request(admin, 'POST', '/billing/payouts/run', {}, key);
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json<{ payouts: Payout[] }>().payouts).toEqual([expect.objectContaining({ payeeId: instructor.subject, amountMinor: big, status: 'paid' })]);
    expect(await owed(admin, instructor)).toBe(0);
    expect(await owed(admin, small)).toBe(little);
    expect((await kit.request(admin, 'POST', '/billing/payouts/run', {}, key)).json()).toEqual(run.json());
    expect((await kit.request(admin, 'POST', '/billing/payouts/run', {})).statusCode).toBe(400);

    // The same run id again, after a new sale: the run already paid this payee, so the new balance waits.
    const runId = run.json<{ runId: string }>().runId;
    await sell(admin, await kit.pricedCourse(admin, instructor, 9_000));
    const earned = await owed(admin, instructor);
    const rerun = await runPayouts(depsWith(provider()), admin.tenantId, { runId, now: new Date() });
    expect(rerun.payouts).toHaveLength(1);
    expect(await owed(admin, instructor)).toBe(earned);

    const settings = await kit.request(admin, 'GET', '/billing/payout-settings');
    expect(settings.json()).toEqual({ minimumMinor: 5_000, version: 1 });
    expect((await kit.request(admin, 'PUT', '/billing/payout-settings', { minimumMinor: 500 }, { 'if-match': '"1"' })).json()).toEqual({ minimumMinor: 500, version: 2 });
    expect((await kit.request(admin, 'PUT', '/billing/payout-settings', { minimumMinor: 1 }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await kit.request(admin, 'PUT', '/billing/payout-settings', { minimumMinor: -1 }, { 'if-match': '"2"' })).statusCode).toBe(400);
    expect((await kit.request(instructor, 'GET', '/billing/payout-settings')).statusCode).toBe(403);
    const next = await kit.request(admin, 'POST', '/billing/payouts/run', {}, payHeaders());
    expect(next.json<{ payouts: Payout[] }>().payouts.map((payout) => payout.payeeId).sort()).toEqual([instructor.subject, small.subject].sort());
    expect(await owed(admin, instructor)).toBe(0);
    expect(await owed(admin, small)).toBe(0);
  });

  it('pays once when runs race, with the same run id or with different ones', async () => {
    const { admin, instructor } = await shop();
    await sell(admin, await kit.pricedCourse(admin, instructor, 7_000));
    const before = await balances(admin);
    const amount = 0 - balanceOf(before, `payable:${instructor.subject}`);
    const deps = depsWith(provider());
    const runId = randomUUID();
    const same = await Promise.all([0, 1, 2].map(() => runPayouts(deps, admin.tenantId, { runId, now: new Date() })));
    for (const result of same) expect(result.payouts).toEqual([expect.objectContaining({ amountMinor: amount, status: 'paid' })]);
    const after = await balances(admin);
    expect(balanceOf(after, 'clearing') - balanceOf(before, 'clearing')).toBe(-amount);

    await sell(admin, await kit.pricedCourse(admin, instructor, 8_000));
    const second = await owed(admin, instructor);
    const mid = await balances(admin);
    const different = await Promise.all([0, 1, 2].map(() => runPayouts(deps, admin.tenantId, { runId: randomUUID(), now: new Date() })));
    expect(different.flatMap((result) => result.payouts).map((payout) => payout.amountMinor)).toEqual([second]);
    expect(balanceOf(await balances(admin), 'clearing') - balanceOf(mid, 'clearing')).toBe(-second);
    const listed = (await kit.request(admin, 'GET', '/admin/billing/payouts')).json<{ items: Payout[] }>().items;
    expect(listed.map((payout) => payout.amountMinor)).toEqual([second, amount]);
  });

  it('reverses a payout the provider refuses, and keeps one the provider could not be reached for pending until it is sent', async () => {
    const { admin, instructor } = await shop();
    await sell(admin, await kit.pricedCourse(admin, instructor, 8_000));
    const amount = await owed(admin, instructor);
    const before = await balances(admin);
    const working = provider();
    const refusing: PaymentProvider = { ...working, payout: () => Promise.reject(new Error('the payee\'s account is closed')) };
    const refused = await runPayouts(depsWith(refusing), admin.tenantId, { runId: randomUUID(), now: new Date() });
    expect(refused.payouts).toEqual([expect.objectContaining({ status: 'failed', failure: 'the payee\'s account is closed', amountMinor: amount })]);
    expect(await balances(admin)).toEqual(before);

    const unreachable: PaymentProvider = { ...working, payout: () => Promise.reject(new ProviderUnavailable('timeout')) };
    const stuck = await runPayouts(depsWith(unreachable), admin.tenantId, { runId: randomUUID(), now: new Date() });
    expect(stuck.payouts).toEqual([expect.objectContaining({ status: 'pending', amountMinor: amount })]);
    expect(await owed(admin, instructor)).toBe(0);
    const booked = await balances(admin);
    expect(await retryPendingPayouts(depsWith(unreachable), admin.tenantId)).toBe(0);
    expect(await retryPendingPayouts(depsWith(working), admin.tenantId)).toBe(1);
    expect(await retryPendingPayouts(depsWith(working), admin.tenantId)).toBe(0);
    expect(await balances(admin)).toEqual(booked);
    const [latest] = (await kit.request(instructor, 'GET', '/billing/payouts')).json<{ items: Payout[] }>().items;
    expect(latest).toMatchObject({ id: stuck.payouts[0]!.id, status: 'paid' });
    expect(runIdOf('billing.payout-run', '2025-01-01')).toBe(runIdOf('billing.payout-run', '2025-01-01'));
  });

  it('shows payees their own payouts with the orders behind them, and nobody else\'s', async () => {
    const { admin, instructor } = await shop();
    const course = await kit.pricedCourse(admin, instructor, 6_000);
    const first = await sell(admin, course);
    const refunded = await sell(admin, course);
    const refund = await kit.request(admin, 'POST', `/billing/orders/${refunded}/refunds`, { amountMinor: 1_000, reason: 'late' }, payHeaders());
    expect(refund.statusCode, refund.body).toBe(200);
    const [payout] = (await kit.request(admin, 'POST', '/billing/payouts/run', {}, payHeaders())).json<{ payouts: Payout[] }>().payouts;
    const later = await sell(admin, course);
    const [second] = (await kit.request(admin, 'POST', '/billing/payouts/run', { minimumMinor: 0 }, payHeaders())).json<{ payouts: Payout[] }>().payouts;

    const own = await kit.request(instructor, 'GET', `/billing/payouts/${payout!.id}`);
    expect(own.statusCode, own.body).toBe(200);
    const statement = own.json<Statement>();
    expect(statement.payout).toMatchObject({ id: payout!.id, payeeId: instructor.subject });
    expect(statement.orders.map((line) => [line.orderId, line.kind])).toEqual([[first, 'charge'], [refunded, 'charge'], [refunded, 'refund']]);
    expect(statement.orders.reduce((sum, line) => sum + line.amountMinor, 0)).toBe(payout!.amountMinor);
    const next = (await kit.request(admin, 'GET', `/billing/payouts/${second!.id}`)).json<Statement>();
    expect(next.orders).toEqual([expect.objectContaining({ orderId: later, kind: 'charge', amountMinor: second!.amountMinor })]);

    expect((await kit.request(instructor, 'GET', '/billing/payouts')).json<{ items: Payout[] }>().items.map((item) => item.id)).toEqual([second!.id, payout!.id]);
    const colleague = await kit.member(admin, ['instructor']);
    expect((await kit.request(colleague, 'GET', '/billing/payouts')).json()).toEqual({ items: [], nextCursor: null });
    expect((await kit.request(colleague, 'GET', `/billing/payouts/${payout!.id}`)).statusCode).toBe(404);
    expect((await kit.request(await kit.member(admin), 'GET', `/billing/payouts/${payout!.id}`)).statusCode).toBe(403);
    expect((await kit.request(colleague, 'GET', '/admin/billing/payouts')).statusCode).toBe(403);
    const other = await testTenant(kit.platform, ['tenant_admin']);
    expect((await kit.request(other, 'GET', `/billing/payouts/${payout!.id}`)).statusCode).toBe(404);
    expect((await kit.request(other, 'GET', '/admin/billing/payouts')).json()).toEqual({ items: [], nextCursor: null });
    const page = await kit.request(admin, 'GET', '/admin/billing/payouts?limit=1');
    const nextPage = await kit.request(admin, 'GET', `/admin/billing/payouts?limit=1&cursor=${page.json<{ nextCursor: string }>().nextCursor}`);
    expect(nextPage.json<{ items: Payout[] }>().items.map((item) => item.id)).toEqual([payout!.id]);
  });
});

describe('the daily payout job', () => {
  it('runs every tenant that owes something once a day: a second run that day pays nobody again', async () => {
    const { admin, instructor } = await shop();
    await sell(admin, await kit.pricedCourse(admin, instructor, 9_000));
    const deps = { ...depsWith(provider()), tenantDatabases: kit.platform.tenantDatabases };
    const day = new Date('2031-05-04T10:00:00Z');
    expect(await runDailyPayouts(deps, day)).toBeGreaterThanOrEqual(1);
    expect(await owed(admin, instructor)).toBe(0);
    await sell(admin, await kit.pricedCourse(admin, instructor, 9_000));
    await runDailyPayouts(deps, new Date('2031-05-04T18:00:00Z'));
    expect(await owed(admin, instructor)).toBeGreaterThan(0);
    await runDailyPayouts(deps, new Date('2031-05-05T10:00:00Z'));
    expect(await owed(admin, instructor)).toBe(0);
    const payouts = (await kit.request(instructor, 'GET', '/billing/payouts')).json<{ items: Payout[] }>().items;
    expect(payouts.map((payout) => payout.runId)).toEqual([runIdOf('billing.payout-run', '2031-05-05'), runIdOf('billing.payout-run', '2031-05-04')]);
  });
});

describe('financial reports', () => {
  it('sums the ledger postings of a period so that they reconcile exactly with the balances, in JSON and in CSV', async () => {
    const { admin, instructor } = await shop();
    const course = await kit.pricedCourse(admin, instructor, 4_000);
    await sell(admin, course);
    await pause();
    const from = new Date();
    await pause();
    expect((await kit.request(admin, 'POST', '/billing/coupons', { code: 'TENOFF', percentBp: 1000 })).statusCode).toBe(201);
    await sell(admin, course, 'TENOFF');
    const refunded = await sell(admin, course);
    await kit.request(admin, 'POST', `/billing/orders/${refunded}/refunds`, { amountMinor: 1_234, reason: 'partly' }, payHeaders());
    const kept = await kit.pricedCourse(admin, instructor, 2_500);
    expect((await kit.request(admin, 'PUT', `/billing/courses/${kept.courseId}/price`, { amountMinor: 2_500, currency: 'EUR', payeeId: null })).statusCode).toBe(200);
    await sell(admin, kept);
    expect((await kit.request(admin, 'POST', '/billing/payouts/run', { minimumMinor: 0 }, payHeaders())).statusCode).toBe(200);
    await pause();
    const to = new Date();
    await pause();
    await sell(admin, course);

    const query = `from=${from.toISOString()}&to=${to.toISOString()}`;
    const response = await kit.request(admin, 'GET', `/billing/reports/summary?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const [row, ...others] = response.json<{ rows: CurrencyRow[] }>().rows;
    expect(others).toEqual([]);
    const [start, end] = [await balances(admin, from), await balances(admin, to)];
    const delta = (account: string) => balanceOf(end, account) - balanceOf(start, account);
    const payee = `payable:${instructor.subject}`;
    expect(row!.discountsMinor).toBe(400);
    expect(row!.refundsMinor).toBe(1_234);
    expect(row!.feesMinor).toBeGreaterThan(0);
    expect(row!.payoutsMinor).toBeGreaterThan(0);
    expect(row!.tenantRevenueMinor).toBeGreaterThan(0);
    expect(delta('clearing')).toBe(row!.grossSalesMinor - row!.refundsMinor - row!.feesMinor - row!.payoutsMinor);
    expect(delta('tax_payable')).toBe(0 - row!.taxMinor);
    expect(delta('platform_commission')).toBe(0 - row!.commissionMinor);
    expect(delta('processing_fees')).toBe(row!.feesMinor);
    expect(delta('tenant_revenue')).toBe(0 - row!.tenantRevenueMinor);
    expect(row!.netPayable).toEqual([{ payeeId: instructor.subject, amountMinor: expect.any(Number) as number, paidOutMinor: row!.payoutsMinor }]);
    expect(delta(payee)).toBe(row!.netPayable[0]!.paidOutMinor - row!.netPayable[0]!.amountMinor);
    const covered = new Set(['clearing', 'tax_payable', 'platform_commission', 'processing_fees', 'tenant_revenue', payee]);
    expect(end.accounts.filter((account) => !covered.has(account.account) && delta(account.account) !== 0)).toEqual([]);
    expect(row!.grossSalesMinor - row!.refundsMinor).toBe(row!.taxMinor + row!.commissionMinor + row!.tenantRevenueMinor + row!.netPayable[0]!.amountMinor);

    const csv = await kit.request(admin, 'GET', `/billing/reports/summary.csv?${query}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, line, ...rest] = csv.body.trim().split(/\r?\n/);
    expect(rest).toEqual([]);
    const cells = Object.fromEntries(header!.split(',').map((name, index) => [name, line!.split(',')[index]]));
    expect(cells).toEqual({
      currency: 'EUR', grossSalesMinor: String(row!.grossSalesMinor), refundsMinor: String(row!.refundsMinor), discountsMinor: String(row!.discountsMinor),
      taxMinor: String(row!.taxMinor), commissionMinor: String(row!.commissionMinor), feesMinor: String(row!.feesMinor), payoutsMinor: String(row!.payoutsMinor),
      tenantRevenueMinor: String(row!.tenantRevenueMinor), payeeId: instructor.subject, netPayableMinor: String(row!.netPayable[0]!.amountMinor), paidOutMinor: String(row!.payoutsMinor),
    });

    const other = await testTenant(kit.platform, ['tenant_admin']);
    expect((await kit.request(other, 'GET', `/billing/reports/summary?${query}`)).json()).toMatchObject({ rows: [] });
    expect((await kit.request(instructor, 'GET', `/billing/reports/summary?${query}`)).statusCode).toBe(403);
  });

  it('refuses periods that are backwards, empty, too long or malformed', async () => {
    const { admin } = await shop();
    const at = (iso: string) => new Date(iso).toISOString();
    for (const path of ['/billing/reports/summary', '/billing/reports/summary.csv']) {
      for (const [from, to] of [[at('2025-02-01'), at('2025-01-01')], [at('2025-01-01'), at('2025-01-01')], [at('2024-01-01'), at('2025-01-02')]]) {
        const response = await kit.request(admin, 'GET', `${path}?from=${from}&to=${to}`);
        expect(response.statusCode, response.body).toBe(422);
        expect(response.json()).toMatchObject({ code: 'BILLING.PERIOD_INVALID', errors: [{ pointer: '/querystring/to' }] });
      }
      expect((await kit.request(admin, 'GET', `${path}?from=yesterday&to=${at('2025-01-01')}`)).statusCode).toBe(400);
      expect((await kit.request(admin, 'GET', `${path}?from=${at('2025-01-01')}`)).statusCode).toBe(400);
    }
    expect((await kit.request(admin, 'GET', `/billing/reports/summary?from=${at('2024-01-01')}&to=${at('2025-01-01')}`)).json()).toMatchObject({ rows: [] });
  });
});

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}
