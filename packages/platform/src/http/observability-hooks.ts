import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../observability/metrics.js';
import { tracer } from '../observability/tracing.js';

/**
 * A server span per request, continuing the caller's `traceparent`; the rest of the request runs inside it
 * so logs, outbox events and outgoing calls carry the same trace. Latency is recorded per route template.
 */
export function installRequestObservability(app: FastifyInstance, metrics: Metrics): void {
  app.decorateRequest('span', undefined);

  app.addHook('onRequest', (request, reply, done) => {
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer().startSpan(`${request.method} ${request.routeOptions.url ?? 'unmatched'}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method, 'url.path': request.url.split('?')[0] },
    }, parent);
    request.span = span;
    reply.header('x-request-id', request.id);
    context.with(trace.setSpan(parent, span), done);
  });

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    request.span?.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) request.span?.setStatus({ code: 2 });
    request.span?.end();
    done();
  });
}
