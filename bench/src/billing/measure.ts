/** One run of the billing bench on one backend set: purchases through the saga, then a reconciliation over many postings. */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { billingService, TEST_CARDS } from '@tessera/billing';
import { toCloudEvent, type HttpApp, type Subscription } from '@tessera/platform';
import { createTestApp, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import type { BackendSet } from '../kernel/backends.js';
import { openBenchPlatform } from '../kernel/platform.js';
import { summarize, type LatencySummary } from '../lib/percentiles.js';

export interface BillingPlan {
  purchases: number;
  concurrency: number;
  /** Ledger postings inserted before the reconciliation (four per charge entry). */
  postings: number;
}

export interface BillingResult {
  backends: string;
  purchases: number;
  paid: number;
  purchasesPerSecond: number;
  /** From the enrollment's EnrollmentRequested leaving the outbox to the pay request answering `paid`. */
  latencyMs: LatencySummary;
  reconciliation: { postings: number; seconds: number; balanced: boolean; clearingMinor: number; seedSeconds: number };
}

const PRICE_MINOR = 4_999;
const POLL_MS = 5;
const ORDER_WAIT_MS = 30_000;
const ENTRIES_PER_BATCH = 25_000;

/** Runs with `set`'s backends: the kernel reads DATABASE_URL, NATS_URL and REDIS_URL from the environment. */
export async function measureBilling(set: BackendSet, plan: BillingPlan, log: (line: string) => void): Promise<BillingResult> {
  const saved = { ...process.env };
  Object.assign(process.env, set.env);
  for (const variable of ['DATABASE_URL', 'NATS_URL', 'REDIS_URL']) if (set.env[variable] === undefined) delete process.env[variable];
  const bench = await openBenchPlatform([billingService]).finally(() => { process.env = saved; });
  const { platform } = bench;
  let app: HttpApp | undefined;
  let subscriptions: Subscription[] = [];
  try {
    app = await createTestApp(platform, [billingService]);
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    subscriptions = await Promise.all(billingService.consumers!(platform).map(({ spec, handler }) => platform.bus.subscribe(spec, handler)));
    platform.relay.start();
    const admin = await testTenant(platform, ['tenant_admin']);
    const courseId = await pricedCourse(platform, app, admin);
    log(`${bench.backends}: ${plan.purchases} purchases, ${plan.concurrency} at a time`);
    const started = performance.now();
    const latencies = await purchases(platform, base, admin, courseId, plan);
    const seconds = (performance.now() - started) / 1000;
    log(`purchases: ${latencies.length} paid in ${seconds.toFixed(1)} s`);
    const reconciliation = await reconcile(platform, app, admin, plan.postings, log);
    return {
      backends: bench.backends, purchases: plan.purchases, paid: latencies.length, purchasesPerSecond: latencies.length / seconds,
      latencyMs: summarize(latencies), reconciliation,
    };
  } finally {
    await Promise.all(subscriptions.map((subscription) => subscription.drain()));
    await app?.close();
    await bench.close();
  }
}

/** A course billing knows (as from catalog's event) with a price, set through the API. */
async function pricedCourse(platform: TestPlatform, app: HttpApp, admin: TestTenant): Promise<string> {
  const courseId = randomUUID();
  const courses = billingService.consumers!(platform).find((registration) => registration.spec.durable === 'billing-courses')!;
  await courses.handler(toCloudEvent({ name: 'catalog.course.published', data: { courseId, title: 'Bench course', publishedBy: admin.subject } }, { tenantId: admin.tenantId }), { attempt: 1, subject: 'bench' });
  const price = await app.inject({
    method: 'PUT', url: `/api/v1/billing/courses/${courseId}/price`, headers: { authorization: admin.authorization, 'content-type': 'application/json' },
    payload: JSON.stringify({ amountMinor: PRICE_MINOR, currency: 'EUR' }),
  });
  if (price.statusCode !== 200) throw new Error(`pricing failed: ${price.body}`);
  return courseId;
}

/** `plan.purchases` students, `plan.concurrency` at a time, each: EnrollmentRequested → order opened → pay over HTTP → paid. */
async function purchases(platform: TestPlatform, base: string, admin: TestTenant, courseId: string, plan: BillingPlan): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < plan.purchases) {
      next += 1;
      const latency = await purchase(platform, base, admin, courseId);
      if (latency !== null) latencies.push(latency);
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  return latencies;
}

async function purchase(platform: TestPlatform, base: string, admin: TestTenant, courseId: string): Promise<number | null> {
  const userId = randomUUID();
  const token = await platform.tokens.issue({ subject: userId, tenantId: admin.tenantId, roles: ['student'] });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const enrollmentId = randomUUID();
  const started = performance.now();
  await platform.db.withTenant(admin.tenantId, (tx) => platform.outbox.emit(tx, admin.tenantId, [{
    name: 'enrollment.enrollment.requested', subject: enrollmentId,
    data: { enrollmentId, courseId, userId, courseVersion: 1, status: 'pending_payment', priceRef: 'course' },
  }]));
  const orderId = await orderOnceOpened(base, headers, enrollmentId);
  if (!orderId) return null;
  const paid = await fetch(`${base}/api/v1/billing/orders/${orderId}/pay`, {
    method: 'POST', headers: { ...headers, 'idempotency-key': randomUUID() }, body: JSON.stringify({ paymentMethod: TEST_CARDS.success }),
  });
  const body = (await paid.json()) as { status?: string };
  return body.status === 'paid' ? performance.now() - started : null;
}

async function orderOnceOpened(base: string, headers: Record<string, string>, enrollmentId: string): Promise<string | null> {
  const deadline = performance.now() + ORDER_WAIT_MS;
  while (performance.now() < deadline) {
    const response = await fetch(`${base}/api/v1/billing/enrollments/${enrollmentId}/order`, { headers });
    if (response.status === 200) return ((await response.json()) as { id: string }).id;
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return null;
}

/**
 * Seeds `postings` ledger postings (balanced charge entries of four postings, inserted in the database in
 * batches) and times the balances of every account derived from them, as the API serves them.
 */
async function reconcile(platform: TestPlatform, app: HttpApp, admin: TestTenant, postings: number, log: (line: string) => void) {
  const entries = Math.ceil(postings / 4);
  const payee = `payable:${randomUUID()}`;
  const seedStarted = performance.now();
  for (let from = 0; from < entries; from += ENTRIES_PER_BATCH) {
    const count = Math.min(ENTRIES_PER_BATCH, entries - from);
    await platform.db.withSystem(async (tx) => {
      await sql`insert into billing.ledger_entries (tenant_id, id, kind, memo, source_key)
        select ${admin.tenantId}::uuid, gen_random_uuid(), 'charge', 'bench', 'bench:' || g from generate_series(${from + 1}::int, ${from + count}::int) g`.execute(tx);
      await sql`insert into billing.ledger_postings (tenant_id, entry_id, seq, account, currency, amount_minor)
        select e.tenant_id, e.id, p.seq, p.account, 'EUR', p.amount from billing.ledger_entries e
        cross join (values (0, 'clearing', 1000), (1, 'tax_payable', -200), (2, 'platform_commission', -160), (3, ${payee}, -640)) as p(seq, account, amount)
        where e.tenant_id = ${admin.tenantId} and e.source_key in (select 'bench:' || g from generate_series(${from + 1}::int, ${from + count}::int) g)`.execute(tx);
    });
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  log(`reconciliation: ${entries * 4} postings seeded in ${seedSeconds.toFixed(1)} s`);
  const started = performance.now();
  const response = await app.inject({ method: 'GET', url: '/api/v1/billing/ledger/balances', headers: { authorization: admin.authorization } });
  const seconds = (performance.now() - started) / 1000;
  const books = response.json<{ accounts: Array<{ account: string; balanceMinor: number }>; totals: Array<{ sumMinor: number }> }>();
  return {
    postings: entries * 4, seconds, seedSeconds,
    balanced: books.totals.every((total) => total.sumMinor === 0),
    clearingMinor: books.accounts.find((account) => account.account === 'clearing')?.balanceMinor ?? 0,
  };
}
