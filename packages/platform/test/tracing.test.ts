import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushTracing, otlpExporter, setupTracing } from '../src/observability/tracing.js';
import { consumerSpec, memorySpans, type CloudEvent } from '../src/index.js';
import { createTestApp, createTestPlatform, testTenant, type TestPlatform } from '../src/testing/index.js';
import type { HttpApp } from '../src/http/server.js';

// A local OTLP/HTTP collector stand-in: it keeps every export request body.
function startCollector(): Promise<{ server: Server; url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (request.url === '/v1/traces') bodies.push(body);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies })));
}

describe('tracing across HTTP, the outbox, the bus and an OTLP collector', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let platform: TestPlatform;
  let app: HttpApp;
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';

  beforeAll(async () => {
    collector = await startCollector();
    // Installed before the test platform, so this file's provider exports to the collector (and to memory).
    setupTracing({ exporter: otlpExporter(collector.url), memory: true, serviceName: 'tessera-test' });
    platform = await createTestPlatform();
    app = await createTestApp(platform, [{
      name: 'tracing_test',
      routes: async (scope) => {
        scope.post('/traced', { config: { permission: 'authenticated' }, schema: { body: {} } }, async (request, reply) => {
          const tenantId = request.principal?.tenantId ?? '';
          await platform.db.withTenant(tenantId, (tx) => platform.outbox.emit(tx, tenantId, [{ name: 'tracing_test.call.traced', data: {} }]));
          return reply.code(202).send({ ok: true });
        });
      },
    }]);
  });
  afterAll(async () => {
    await app.close();
    await platform.cleanup();
    collector.server.close();
  });

  it('continues the caller\'s trace in the request, the event and the consumer, and exports the spans', async () => {
    const received: CloudEvent[] = [];
    const subscription = await platform.bus.subscribe(consumerSpec({ durable: 'traced-consumer', events: 'tracing_test.call.traced' }),
      async (event) => void received.push(event));
    const tenant = await testTenant(platform);
    const response = await app.inject({
      method: 'POST', url: '/api/v1/traced', payload: {},
      headers: { authorization: tenant.authorization, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(response.statusCode).toBe(202);
    await platform.relay.flush();
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]?.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    await subscription.drain();

    const spans = memorySpans.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    expect(spans.map((span) => span.name)).toEqual(expect.arrayContaining(['POST /api/v1/traced', 'consume tessera.tracing_test.call.traced']));

    await flushTracing();
    await expect.poll(() => collector.bodies.join('\n')).toContain(traceId);
    expect(collector.bodies.join('\n')).toContain('tessera-test');
  });
});
