import { validate } from '@readme/openapi-parser';
import { DEMO_PRICE_MINOR } from '@tessera/billing';
import { DEMO_COURSE_ID, DEMO_PAID_COURSE_ID, DEMO_PRACTICE_COURSE_ID } from '@tessera/catalog';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  childEnv,
  distributed,
  eventually,
  freePort,
  isolatedBackends,
  modeName,
  removeTempDirs,
  runTessera,
  startTessera,
  stopAll,
  tempDataDir,
  waitForExit,
  waitForStdout,
  type IsolatedBackends,
  type PingView,
  type TesseraProcess,
  PROCESS_TEST_TIMEOUT_MS,
} from './support/processes.js';

/**
 * The `tessera` command as an operator runs it: real child processes on real ports, on the backends this
 * run targets (embedded: PGlite in a temporary data folder; distributed: a scratch PostgreSQL database, a
 * namespace of its own on NATS and a prefix of its own on Redis).
 */
describe(`tessera CLI — ${modeName}`, () => {
  let backends: IsolatedBackends | undefined;

  beforeAll(async () => {
    if (distributed) backends = await isolatedBackends();
  });

  afterAll(async () => {
    await stopAll();
    await backends?.cleanup();
    await removeTempDirs();
  });

  /** Environment for a process on this file's backends (and, embedded, on `dataDir`). */
  function envFor(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
    return childEnv({ ...backends?.env, TESSERA_DATA_DIR: dataDir, ...extra });
  }

  // One process's life, step by step: the steps share it, so it is stopped after the last one (or on failure).
  describe('start --seed-demo', () => {
    let dataDir: string;
    let first: TesseraProcess;
    let demoToken: string;
    let welcomeId: string;

    beforeAll(async () => {
      dataDir = await tempDataDir();
    });

    afterAll(async () => {
      await stopAll();
    });

    it('serves health, a valid OpenAPI 3.1 document, the landing page and the docs on a fresh data folder', async () => {
      first = await startTessera(['--seed-demo'], envFor(dataDir));

      const openapi = await fetch(`${first.url}/openapi.json`);
      expect(openapi.status).toBe(200);
      const doc = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(doc.openapi).toMatch(/^3\.1\./);
      const result = await validate(structuredClone(doc) as never);
      expect(result.valid, JSON.stringify(result)).toBe(true);
      expect(Object.keys(doc.paths)).toContain('/api/v1/pings');

      const landing = await fetch(`${first.url}/`);
      expect(landing.status).toBe(200);
      expect(landing.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await landing.text()).toMatch(/<!doctype html>[\s\S]*<title>Tessera<\/title>/i);

      const docs = await fetch(`${first.url}/docs`);
      expect(docs.status).toBe(200);
    }, 150_000);

    it('prints the demo accounts; one signs in and lists the seeded ping, which the worker acknowledges', async () => {
      await waitForStdout(first, /Demo accounts \(password "tessera-demo-2026"/);
      expect(first.output()).toContain('student@demo.tessera.localhost');
      const signIn = await fetch(`${first.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: 'demo', email: 'student@demo.tessera.localhost', password: 'tessera-demo-2026' }),
      });
      expect(signIn.status).toBe(200);
      const signedIn = (await signIn.json()) as { status: string; tokens: { accessToken: string } };
      expect(signedIn.status).toBe('signed_in');
      demoToken = signedIn.tokens.accessToken;
      expect(demoToken.split('.')).toHaveLength(3);

      const api = apiClient(first.url, demoToken);
      const unauthenticated = await fetch(`${first.url}/api/v1/pings`);
      expect(unauthenticated.status).toBe(401);
      const list = await api.get<{ items: PingView[] }>('/api/v1/pings');
      expect(list.status).toBe(200);
      const welcome = list.body.items.filter((ping) => ping.message === 'Welcome to Tessera');
      expect(welcome).toHaveLength(1);
      welcomeId = welcome[0]?.id ?? '';

      // The all-in-one process relays the seed's event and its worker records the receipt.
      await eventually(async () => {
        const { body } = await api.get<PingView>(`/api/v1/pings/${welcomeId}`);
        return body.receipts === 1 ? body : undefined;
      }, { describe: () => first.output() });
    }, PROCESS_TEST_TIMEOUT_MS);

    it('lists the public demo courses to anyone, and the demo student enrolled in both, the tour with its first lesson done', async () => {
      const catalog = await fetch(`${first.url}/api/v1/public/courses`);
      expect(catalog.status).toBe(200);
      const courses = ((await catalog.json()) as { items: Array<{ id: string; title: string }> }).items;
      expect(courses.length).toBeGreaterThanOrEqual(1);

      // Enrollment learns the course and the student from events, so the seeded enrollment appears shortly after start.
      const api = apiClient(first.url, demoToken);
      const mine = await eventually(async () => {
        const { body } = await api.get<{ items: Array<{ courseId: string; completedLessons: number }> }>('/api/v1/me/courses');
        return body.items.length >= 2 ? body.items : undefined;
      }, { describe: () => first.output() });
      expect(courses.map((course) => course.id)).toEqual(expect.arrayContaining([DEMO_COURSE_ID, DEMO_PRACTICE_COURSE_ID]));
      expect(mine.find((course) => course.courseId === DEMO_COURSE_ID)?.completedLessons).toBe(1);
      expect(mine.find((course) => course.courseId === DEMO_PRACTICE_COURSE_ID)?.completedLessons).toBe(0);
    }, PROCESS_TEST_TIMEOUT_MS);

    it('sells the paid demo course: priced by billing\'s seed, and enrolling in it waits for the payment', async () => {
      const api = apiClient(first.url, demoToken);
      const price = await api.get<{ amountMinor: number; currency: string }>(`/api/v1/billing/courses/${DEMO_PAID_COURSE_ID}/price`);
      expect(price.status).toBe(200);
      expect(price.body).toMatchObject({ amountMinor: DEMO_PRICE_MINOR, currency: 'EUR' });
      // Enrollment learns of the course from catalog's event a moment after start.
      const enrolled = await eventually(async () => {
        const response = await fetch(`${first.url}/api/v1/courses/${DEMO_PAID_COURSE_ID}/enroll`, { method: 'POST', headers: { authorization: `Bearer ${demoToken}`, 'content-type': 'application/json' }, body: '{}' });
        return response.status === 201 ? (await response.json()) as { id: string; status: string } : undefined;
      }, { describe: () => first.output() });
      expect(enrolled.status).toBe('pending_payment');
      const order = await eventually(async () => {
        const { status, body } = await api.get<{ totalMinor: number; status: string }>(`/api/v1/billing/enrollments/${enrolled.id}/order`);
        return status === 200 ? body : undefined;
      }, { describe: () => first.output() });
      expect(order).toMatchObject({ totalMinor: DEMO_PRICE_MINOR, status: 'awaiting_payment' });
    }, PROCESS_TEST_TIMEOUT_MS);

    it.skipIf(distributed)('refuses a second process on the same embedded data folder', async () => {
      const port = await freePort();
      const second = await runTessera(['start'], envFor(dataDir, { PORT: String(port) }));
      expect(second.code, second.stderr).not.toBe(0);
      expect(second.stderr).toMatch(/data folder .* is in use/);
      // The first one is unaffected.
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    }, PROCESS_TEST_TIMEOUT_MS);

    it('shuts down gracefully on SIGTERM with exit code 0', async () => {
      first.child.kill('SIGTERM');
      const exit = await waitForExit(first, 20_000);
      expect(exit, first.output()).toEqual({ code: 0, signal: null });
    });

    it('keeps the data across a restart and does not seed twice', async () => {
      const again = await startTessera(['--seed-demo'], envFor(dataDir));
      // The token of the first run still verifies: the signing keys live in the database.
      const api = apiClient(again.url, demoToken);
      const list = await api.get<{ items: PingView[] }>('/api/v1/pings?limit=100');
      expect(list.status).toBe(200);
      expect(list.body.items.filter((ping) => ping.message === 'Welcome to Tessera').map((ping) => ping.id)).toEqual([welcomeId]);
      expect(list.body.items).toHaveLength(1);
      const { body } = await api.get<PingView>(`/api/v1/pings/${welcomeId}`);
      expect(body.receipts).toBe(1);

      again.child.kill('SIGTERM');
      expect(await waitForExit(again, 20_000), again.output()).toEqual({ code: 0, signal: null });
    }, 150_000);
  });

  // Each of these runs to completion by itself; concurrent, so stop their children only after all of them.
  describe.concurrent('configuration and usage errors', () => {
    afterAll(async () => {
      await stopAll();
    });

    it('exits 2 naming PORT when PORT is not a number', async () => {
      const result = await runTessera(['start'], envFor(await tempDataDir(), { PORT: 'abc' }));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Invalid configuration: PORT\b/);
    }, PROCESS_TEST_TIMEOUT_MS);

    it('exits 2 naming TESSERA_ROLES for an unknown role', async () => {
      const result = await runTessera(['start', '--role', 'bogus', '--port', String(await freePort())], envFor(await tempDataDir()));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Invalid configuration: TESSERA_ROLES\b/);
    }, PROCESS_TEST_TIMEOUT_MS);

    it('exits 2 on an unknown command, with the usage', async () => {
      const result = await runTessera(['frobnicate'], envFor(await tempDataDir()));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Unknown command "frobnicate"/);
      expect(result.stderr).toMatch(/Usage: tessera/);
    }, PROCESS_TEST_TIMEOUT_MS);
  });

  describe('migrate', () => {
    afterEach(async () => {
      await stopAll();
    });

    it('applies every migration on a fresh database, then reports it is up to date', async () => {
      const dataDir = await tempDataDir();
      const extra: Record<string, string> = backends ? { DATABASE_URL: await backends.scratchDatabase() } : {};
      const firstRun = await runTessera(['migrate'], envFor(dataDir, extra), 60_000);
      expect(firstRun.code, firstRun.stderr).toBe(0);
      expect(firstRun.stdout).toMatch(/^Applied .*platform\/0001_kernel\.sql.*example\/0001_pings\.sql/m);

      const secondRun = await runTessera(['migrate'], envFor(dataDir, extra), 60_000);
      expect(secondRun.code, secondRun.stderr).toBe(0);
      expect(secondRun.stdout).toMatch(/^Database is up to date$/m);
    }, 150_000);
  });
});
