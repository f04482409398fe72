import { randomUUID } from 'node:crypto';
import { exampleService } from '@tessera/example';
import { createTestPlatform, testTenant, type TestPlatform } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  apiClient,
  backendEnv,
  childEnv,
  counterValue,
  crash,
  demoStudentToken,
  distributed,
  eventually,
  listAll,
  modeName,
  removeTempDirs,
  startTessera,
  stopAll,
  stopGracefully,
  tempDataDir,
  waitForExit,
  type PingView,
  type TesseraProcess,
  PROCESS_TEST_TIMEOUT_MS,
} from './support/processes.js';

/**
 * The kernel's delivery guarantees across real processes: events committed with their data survive a
 * crash before they are published, a graceful shutdown under load keeps everything it acknowledged,
 * idempotency keys hold across API processes, and worker processes sharing a durable consumer split its
 * messages without handling any twice.
 */

const RECEIPTS = 'example-ping-receipts';

type Api = ReturnType<typeof apiClient>;

async function createPing(api: Api, message: string, idempotencyKey?: string) {
  const response = await api.post<PingView>('/api/v1/pings', { message }, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {});
  expect([201, 202], JSON.stringify(response.body)).toContain(response.status);
  return response;
}

/** Resolves once every ping of the tenant that `api` sees is listed with `receipts === 1` and there are `count`. */
function allReceived(api: Api, count: number, output: () => string) {
  let last: PingView[] = [];
  return eventually(async () => {
    last = await listAll<PingView>(api, '/api/v1/pings');
    return last.length === count && last.every((ping) => ping.receipts === 1) ? last : undefined;
  }, {
    timeoutMs: 45_000,
    describe: () => `${last.length} pings, receipts ${JSON.stringify(last.map((ping) => ping.receipts))}\n${output()}`,
  });
}

async function metricsOf(proc: TesseraProcess): Promise<string> {
  const response = await fetch(`${proc.url}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

async function countRows(platform: TestPlatform, table: 'example.pings' | 'example.ping_receipts', tenantId: string): Promise<number> {
  return platform.db.withSystem(async (tx) => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where tenant_id = ${tenantId}`.execute(tx);
    return rows[0]?.n ?? -1;
  });
}

describe(`multi-process — ${modeName}`, () => {
  const platforms: TestPlatform[] = [];

  afterEach(async () => {
    await stopAll();
    for (const platform of platforms.splice(0)) await platform.cleanup();
  });

  afterAll(async () => {
    await stopAll();
    await removeTempDirs();
  });

  /** A scratch database, bus namespace and cache prefix of their own (distributed), with a tenant's token. */
  async function sharedBackends(): Promise<{ env: Record<string, string>; authorization: string; tenantId: string; platform: TestPlatform }> {
    const platform = await createTestPlatform([exampleService]);
    platforms.push(platform);
    const tenant = await testTenant(platform);
    return { env: childEnv(backendEnv(platform.config)), authorization: tenant.authorization, tenantId: tenant.tenantId, platform };
  }

  it('loses no event when the API process crashes between commit and publish', async () => {
    const env = distributed ? (await sharedBackends()).env : childEnv({ TESSERA_DATA_DIR: await tempDataDir() });
    // API only: the events stay in the outbox, committed with their pings (and the seeded one), since nothing
    // relays them. The demo token is for the demo tenant, which holds the seeded ping.
    const apiOnly = await startTessera(['--role', 'api', '--seed-demo'], env);
    const token = await demoStudentToken(apiOnly);
    const api = apiClient(apiOnly.url, token);
    for (let i = 0; i < 5; i++) await createPing(api, `before the crash #${i}`);
    const before = await listAll<PingView>(api, '/api/v1/pings');
    expect(before).toHaveLength(6);
    expect(before.every((ping) => ping.receipts === 0)).toBe(true);
    await crash(apiOnly);

    // A process with every role on the same backends relays what the crashed one left behind.
    const everything = await startTessera([], env);
    const pings = await allReceived(apiClient(everything.url, token), 6, everything.output);
    expect(pings.map((ping) => ping.id).sort()).toEqual(before.map((ping) => ping.id).sort());
    await stopGracefully(everything);
  }, PROCESS_TEST_TIMEOUT_MS);

  it('drains in-flight requests on SIGTERM, exits 0, and loses nothing it acknowledged', async () => {
    const env = distributed ? (await sharedBackends()).env : childEnv({ TESSERA_DATA_DIR: await tempDataDir() });
    const first = await startTessera(['--seed-demo'], env);
    const token = await demoStudentToken(first);
    const api = apiClient(first.url, token);

    // A burst of requests, with SIGTERM arriving while most are still queued or in flight. Each one either
    // completes (201), is turned away while closing (503), or never reaches a handler (connection reset).
    let settled = 0;
    const burst = Array.from({ length: 40 }, (_, i) => api.post<PingView>('/api/v1/pings', { message: `burst #${i}` }).then(
      (response) => response,
      (error: Error) => ({ status: 0, body: undefined, error }),
    ).finally(() => settled++));
    await eventually(async () => (settled >= 5 ? true : undefined), { intervalMs: 10 });
    first.child.kill('SIGTERM');
    const responses = await Promise.all(burst);
    expect(await waitForExit(first, 20_000), first.output()).toEqual({ code: 0, signal: null });
    for (const response of responses) expect([0, 201, 503], JSON.stringify(response)).toContain(response.status);
    const acknowledged = responses.flatMap((response) => (response.status === 201 && response.body ? [response.body.id] : []));
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);

    // Every acknowledged ping is there after a restart, with its receipt; nothing else was created.
    const again = await startTessera([], env);
    const pings = await allReceived(apiClient(again.url, token), acknowledged.length + 1, again.output);
    expect(pings.map((ping) => ping.id)).toEqual(expect.arrayContaining(acknowledged));
    await stopGracefully(again);
  }, PROCESS_TEST_TIMEOUT_MS);

  describe.skipIf(!distributed)('shared PostgreSQL', () => {
    it('keeps idempotency keys and effects exactly once across two API processes, a worker and a relay', async () => {
      const { env, authorization, tenantId, platform } = await sharedBackends();
      const [apiA, apiB, worker, relay] = await Promise.all([
        startTessera(['--role', 'api'], env),
        startTessera(['--role', 'api'], env),
        startTessera(['--role', 'worker'], env),
        startTessera(['--role', 'relay'], env),
      ]);
      const apis = [apiClient(apiA.url, authorization), apiClient(apiB.url, authorization)] as const;
      const other = (i: number) => apis[(i + 1) % 2] as Api;

      // 60 distinct requests alternating between the APIs, every other pair with an Idempotency-Key, 10 at
      // a time. The first keyed ones race a duplicate on the other process: one creates, the other replays or
      // is told the request is in progress (409), never a second ping.
      const requests = Array.from({ length: 60 }, (_, i) => ({
        i,
        message: `ping #${i}`,
        key: Math.floor(i / 2) % 2 === 0 ? `key-${randomUUID()}` : undefined,
      }));
      const created = new Map<number, string>();
      for (let start = 0; start < requests.length; start += 10) {
        await Promise.all(requests.slice(start, start + 10).map(async ({ i, message, key }) => {
          if (!key || i >= 8) {
            created.set(i, (await createPing(apis[i % 2] as Api, message, key)).body.id);
            return;
          }
          const racing = await Promise.all([apis[i % 2] as Api, other(i)].map((api) =>
            api.post<PingView>('/api/v1/pings', { message }, { 'idempotency-key': key })));
          const statuses = racing.map((response) => response.status);
          expect(statuses.every((status) => status === 201 || status === 409), JSON.stringify(racing.map((r) => r.body))).toBe(true);
          const ids = new Set(racing.filter((response) => response.status === 201).map((response) => response.body.id));
          expect(ids.size, JSON.stringify(statuses)).toBe(1);
          created.set(i, [...ids][0] as string);
        }));
      }
      expect(new Set(created.values()).size).toBe(60);

      // Retries of keyed requests against the OTHER process replay the first response instead of creating again.
      const keyed = requests.filter((request) => request.key);
      const retried = [...keyed.slice(0, 3), ...keyed.slice(-3)];
      expect(new Set(retried.map((request) => request.i % 2))).toEqual(new Set([0, 1]));
      for (const { i, message, key } of retried) {
        const replay = await createPing(other(i), message, key);
        expect(replay.headers.get('idempotent-replayed')).toBe('true');
        expect(replay.body.id).toBe(created.get(i));
      }

      const pings = await allReceived(apis[0], 60, () => `${worker.output()}`);
      expect(new Set(pings.map((ping) => ping.id))).toEqual(new Set(created.values()));
      expect(await countRows(platform, 'example.pings', tenantId)).toBe(60);
      expect(await countRows(platform, 'example.ping_receipts', tenantId)).toBe(60);
      await stopGracefully(apiA, apiB, worker, relay);
    }, PROCESS_TEST_TIMEOUT_MS);

    it('splits one durable consumer between two worker processes, handling each message once', async () => {
      const { env, authorization, tenantId, platform } = await sharedBackends();
      const [apiProcess, workerA, workerB] = await Promise.all([
        startTessera(['--role', 'api'], env),
        startTessera(['--role', 'worker'], env),
        startTessera(['--role', 'worker'], env),
      ]);
      // Both workers are subscribed (they listen only after subscribing); the events wait in the outbox
      // until the relay starts, so the whole backlog reaches the bus at once and both workers see it.
      const api = apiClient(apiProcess.url, authorization);
      for (let start = 0; start < 100; start += 10) {
        await Promise.all(Array.from({ length: 10 }, (_, j) => createPing(api, `work item #${start + j}`)));
      }
      const relay = await startTessera(['--role', 'relay'], env);

      await allReceived(api, 100, () => `${workerA.output()}\n${workerB.output()}`);
      const acks = async () => Promise.all([workerA, workerB].map(async (worker) =>
        counterValue(await metricsOf(worker), 'tessera_bus_deliveries_total', { durable: RECEIPTS, outcome: 'ack' })));
      // The ack is counted just after the handler's transaction commits, so the receipts can be seen first.
      const [a, b] = await eventually(async () => {
        const counts = await acks();
        return counts[0]! + counts[1]! >= 100 ? counts : undefined;
      }, { timeoutMs: 10_000 });
      expect(a, 'worker A took part').toBeGreaterThan(0);
      expect(b, 'worker B took part').toBeGreaterThan(0);
      expect(a! + b!).toBe(100);

      for (const worker of [workerA, workerB]) {
        expect(counterValue(await metricsOf(worker), 'tessera_bus_deliveries_total', { durable: RECEIPTS, outcome: 'dead' })).toBe(0);
      }
      const deadLetters = await platform.db.withSystem(async (tx) =>
        (await sql<{ n: number }>`select count(*)::int as n from platform.dead_letters`.execute(tx)).rows[0]?.n);
      expect(deadLetters).toBe(0);
      expect(await countRows(platform, 'example.ping_receipts', tenantId)).toBe(100);
      await stopGracefully(apiProcess, workerA, workerB, relay);
    }, PROCESS_TEST_TIMEOUT_MS);
  });
});

