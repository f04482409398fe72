import { describe, expect, it } from 'vitest';
import { LocalBus } from '../src/bus/local-bus.js';
import { consumerSpec } from '../src/bus/bus.js';
import { DatabaseDeadLetterSink } from '../src/bus/dead-letters.js';
import { createMetrics } from '../src/observability/metrics.js';
import { silentLogger } from '../src/observability/logger.js';
import { createTestDatabase } from '../src/testing/index.js';
import { toCloudEvent } from '../src/events/envelope.js';

describe('smoke', () => {
  it('local bus delivers', async () => {
    const db = await createTestDatabase();
    const metrics = createMetrics({ processMetrics: false });
    const bus = new LocalBus(db, new DatabaseDeadLetterSink(db, metrics), metrics, silentLogger(), { namespace: 't' });
    const got: string[] = [];
    const sub = await bus.subscribe(consumerSpec({ durable: 'd1', events: 'example.ping.created' }), async (e) => { got.push(e.id); });
    const ev = toCloudEvent({ name: 'example.ping.created', data: { a: 1 } }, { tenantId: null });
    await bus.publish([ev]);
    await expect.poll(() => got.length).toBe(1);
    await sub.drain(); await bus.close(); await db.drop();
  });
});
