import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Every metric the kernel records, on a registry of its own so that several kernels can live in one process. */
export interface Metrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly cacheRequests: Counter<'cache' | 'result'>;
  readonly busPublished: Counter<'stream'>;
  readonly busDeliveries: Counter<'durable' | 'outcome'>;
  readonly handlerDuration: Histogram<'durable'>;
  readonly deadLetters: Counter<'durable'>;
  readonly outboxRelayed: Counter;
  readonly consumerLag: Gauge<'durable'>;
  readonly tenantRequests: Counter<'tenant'>;
}

/** Creates the kernel's metrics; default process metrics are included unless `processMetrics` is false. */
export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'tessera_' });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'tessera_http_request_duration_seconds',
      help: 'HTTP request latency by route template',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    cacheRequests: new Counter({
      name: 'tessera_cache_requests_total',
      help: 'Cache look-ups by result (hit or miss)',
      labelNames: ['cache', 'result'],
      registers,
    }),
    busPublished: new Counter({
      name: 'tessera_bus_published_total',
      help: 'Events published to the bus',
      labelNames: ['stream'],
      registers,
    }),
    busDeliveries: new Counter({
      name: 'tessera_bus_deliveries_total',
      help: 'Deliveries handled by durable consumers, by outcome (ack, nak, dead)',
      labelNames: ['durable', 'outcome'],
      registers,
    }),
    handlerDuration: new Histogram({
      name: 'tessera_bus_handler_duration_seconds',
      help: 'Time consumers spend handling one message',
      labelNames: ['durable'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers,
    }),
    deadLetters: new Counter({
      name: 'tessera_bus_dead_letters_total',
      help: 'Messages dead-lettered after exhausting their deliveries',
      labelNames: ['durable'],
      registers,
    }),
    outboxRelayed: new Counter({
      name: 'tessera_outbox_relayed_total',
      help: 'Outbox events relayed to the bus',
      registers,
    }),
    consumerLag: new Gauge({
      name: 'tessera_bus_consumer_lag',
      help: 'Messages not yet acknowledged per durable consumer (sampled)',
      labelNames: ['durable'],
      registers,
    }),
    tenantRequests: new Counter({
      name: 'tessera_tenant_requests_total',
      help: 'Authenticated API requests per tenant (usage)',
      labelNames: ['tenant'],
      registers,
    }),
  };
}
