import { Type } from '@sinclair/typebox';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openEventStream, type EventStream } from '../src/http/event-stream.js';
import type { HttpApp } from '../src/http/server.js';
import type { ServiceModule } from '../src/runtime/service-module.js';
import { createTestApp, createTestPlatform, testTenant, type TestPlatform, type TestTenant } from '../src/testing/index.js';

const POLL = { timeout: 10_000, interval: 10 };
const ROUTE = '/api/v1/sse-test/stream';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** What the route hands back to the test for the stream opened under `name`. */
interface ServerSide {
  stream: Deferred<EventStream>;
  closed: Deferred<void>;
}

const serverSides = new Map<string, ServerSide>();

function expectStream(name: string): ServerSide {
  const side = { stream: deferred<EventStream>(), closed: deferred<void>() };
  serverSides.set(name, side);
  return side;
}

const sseModule: ServiceModule = {
  name: 'ssetest',
  async routes(app) {
    app.get('/sse-test/stream', {
      config: { permission: 'authenticated' },
      schema: { querystring: Type.Object({ name: Type.String(), heartbeatMs: Type.Optional(Type.Integer({ minimum: 1 })) }) },
    }, async (request, reply) => {
      const { name, heartbeatMs } = request.query;
      const stream = openEventStream(request, reply, heartbeatMs === undefined ? { retryMs: 2_000 } : { heartbeatMs, retryMs: 2_000 });
      const side = serverSides.get(name);
      stream.onClose(() => side?.closed.resolve());
      stream.send('ready', { hello: 'world', text: 'two\nlines' }, 'r-1');
      side?.stream.resolve(stream);
    });
  },
};

/** A client reading an SSE response as text. */
interface Client {
  response: Response;
  /** Reads until `predicate` holds for everything received so far, and returns it. */
  readUntil(predicate: (text: string) => boolean): Promise<string>;
  /** Reads to the end of the body and returns everything received. */
  readToEnd(): Promise<string>;
  abort(): void;
}

async function connect(baseUrl: string, tenant: TestTenant, query: Record<string, string>, headers: Record<string, string> = {}): Promise<Client> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${ROUTE}?${new URLSearchParams(query).toString()}`, {
    headers: { authorization: tenant.authorization, accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  if (!response.body) throw new Error('no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let done = false;
  const readMore = async () => {
    const chunk = await reader.read();
    if (chunk.done) done = true;
    else text += chunk.value;
  };
  return {
    response,
    async readUntil(predicate) {
      while (!predicate(text)) {
        if (done) throw new Error(`stream ended before the expected text; got: ${JSON.stringify(text)}`);
        await readMore();
      }
      return text;
    },
    async readToEnd() {
      while (!done) await readMore();
      return text;
    },
    abort: () => controller.abort(),
  };
}

/** Intervals started by the event-stream module (heartbeats, the shutdown watch), and whether each was cleared. */
function watchEventStreamIntervals() {
  const started: unknown[] = [];
  const cleared = new Set<unknown>();
  const realSetInterval = globalThis.setInterval;
  const realClearInterval = globalThis.clearInterval;
  const setSpy = vi.spyOn(globalThis, 'setInterval').mockImplementation(((...args: Parameters<typeof setInterval>) => {
    const handle = realSetInterval(...args);
    if (new Error().stack?.includes('event-stream')) started.push(handle);
    return handle;
  }) as typeof setInterval);
  const clearSpy = vi.spyOn(globalThis, 'clearInterval').mockImplementation(((handle?: Parameters<typeof clearInterval>[0]) => {
    cleared.add(handle);
    realClearInterval(handle);
  }) as typeof clearInterval);
  return {
    started,
    uncleared: () => started.filter((handle) => !cleared.has(handle)),
    restore: () => {
      setSpy.mockRestore();
      clearSpy.mockRestore();
    },
  };
}

describe('openEventStream', () => {
  let platform: TestPlatform;
  let app: HttpApp;
  let baseUrl: string;
  let tenant: TestTenant;

  beforeAll(async () => {
    platform = await createTestPlatform();
    app = await createTestApp(platform, [sseModule]);
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    tenant = await testTenant(platform);
  });

  afterAll(async () => {
    await app?.close();
    await platform?.cleanup();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('sends events in the SSE wire format, with the headers of the kernel hooks', async () => {
    const side = expectStream('wire');
    const client = await connect(baseUrl, tenant, { name: 'wire' }, { 'x-request-id': 'sse-request-0001' });

    expect(client.response.status).toBe(200);
    expect(client.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(client.response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(client.response.headers.get('x-accel-buffering')).toBe('no');
    expect(client.response.headers.get('x-request-id')).toBe('sse-request-0001');
    expect(client.response.headers.get('ratelimit-limit')).not.toBeNull();

    // JSON keeps the line break inside one data line.
    const ready = 'event: ready\nid: r-1\ndata: {"hello":"world","text":"two\\nlines"}\n\n';
    expect(await client.readUntil((text) => text.includes(ready))).toBe(`retry: 2000\n\n${ready}`);

    const stream = await side.stream.promise;
    stream.send('result', { score: 1 });
    stream.send('result', 'plain', 'r-2');
    const results = 'event: result\ndata: {"score":1}\n\nevent: result\nid: r-2\ndata: "plain"\n\n';
    await client.readUntil((text) => text.endsWith(results));
    expect(() => stream.send('bad\nname', null)).toThrow(/line breaks/);
    expect(() => stream.send('result', null, 'bad\rid')).toThrow(/line breaks/);

    stream.close();
    expect(stream.closed).toBe(true);
    stream.send('result', 'after close'); // ignored
    expect(await client.readToEnd()).toBe(`retry: 2000\n\n${ready}${results}`);
    await side.closed.promise;
  });

  it('runs the kernel onResponse hooks once when the server ends the stream', async () => {
    const side = expectStream('hooks');
    const before = await routeObservations();
    const client = await connect(baseUrl, tenant, { name: 'hooks' });
    const stream = await side.stream.promise;
    stream.close();
    stream.close();
    await client.readToEnd();
    await vi.waitFor(async () => expect(await routeObservations()).toBe(before + 1), POLL);
  });

  it('sends comment heartbeats every heartbeatMs', async () => {
    const side = expectStream('heartbeat');
    const client = await connect(baseUrl, tenant, { name: 'heartbeat', heartbeatMs: '20' });
    const text = await client.readUntil((received) => received.split(': heartbeat\n\n').length > 3);
    expect(text.startsWith('retry: 2000\n\nevent: ready\n')).toBe(true);
    client.abort();
    await side.closed.promise;
  });

  it('runs onClose and stops its timers when the client goes away', async () => {
    const intervals = watchEventStreamIntervals();
    try {
      const side = expectStream('abort');
      const client = await connect(baseUrl, tenant, { name: 'abort', heartbeatMs: '20' });
      const stream = await side.stream.promise;
      await client.readUntil((text) => text.includes(': heartbeat'));
      expect(intervals.started.length).toBeGreaterThan(0);
      expect(intervals.uncleared().length).toBeGreaterThan(0);

      client.abort();
      await side.closed.promise;

      expect(stream.closed).toBe(true);
      expect(intervals.uncleared()).toEqual([]);
      let lateListenerRan = false;
      stream.onClose(() => {
        lateListenerRan = true;
      });
      expect(lateListenerRan).toBe(true);
      stream.send('result', 'nobody listens'); // ignored
      stream.close(); // nothing left to close
    } finally {
      intervals.restore();
    }
  });

  it('refuses an anonymous client with problem+json before any stream opens', async () => {
    const response = await fetch(`${baseUrl}${ROUTE}?name=anonymous`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    await response.body?.cancel();
  });

  it('ends open streams when the app closes, so shutdown does not wait for clients', async () => {
    const closingApp = await createTestApp(platform, [sseModule]);
    const closingUrl = await closingApp.listen({ host: '127.0.0.1', port: 0 });
    const side = expectStream('shutdown');
    const client = await connect(closingUrl, tenant, { name: 'shutdown' });
    await side.stream.promise;

    await closingApp.close();

    await side.closed.promise;
    expect(await client.readToEnd()).toContain('event: ready\n');
  });

  async function routeObservations(): Promise<number> {
    const metric = await platform.metrics.httpDuration.get();
    const count = metric.values.find((value) => value.metricName?.endsWith('_count') && value.labels.route === ROUTE && value.labels.status === '200');
    return count?.value ?? 0;
  }
});
