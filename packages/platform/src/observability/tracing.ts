import { context, propagation, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

let installed: BasicTracerProvider | undefined;

/** Spans finished in this process, kept when tracing is set up with `{ memory: true }` (tests, local debugging). */
export const memorySpans = new InMemorySpanExporter();

/**
 * Installs the W3C trace-context propagator, an AsyncLocalStorage context manager and a tracer provider once
 * per process. Spans go to `exporter` when one is given (e.g. OTLP), to memory when asked, else nowhere —
 * propagation works either way, so trace ids still reach logs and events.
 */
export function setupTracing(options: { exporter?: SpanExporter | undefined; memory?: boolean; serviceName?: string } = {}): void {
  if (installed) return;
  const processors: SpanProcessor[] = [];
  if (options.exporter) processors.push(new BatchSpanProcessor(options.exporter));
  if (options.memory) processors.push(new SimpleSpanProcessor(memorySpans));
  // Another copy of this module (a test runner's fresh module registry in the same process) may have
  // registered globals already; replace them so this copy's provider is the one in use.
  trace.disable();
  context.disable();
  propagation.disable();
  installed = new BasicTracerProvider({
    spanProcessors: processors,
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? 'tessera' }),
  });
  trace.setGlobalTracerProvider(installed);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}

/** Sends spans still buffered to the exporter (called on shutdown). */
export async function flushTracing(): Promise<void> {
  await installed?.forceFlush();
}

/** An OTLP/HTTP exporter for `endpoint` (the collector's base URL), or none when it is not configured. */
export function otlpExporter(endpoint: string | undefined): SpanExporter | undefined {
  return endpoint ? new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }) : undefined;
}

/** The kernel's tracer. */
export function tracer(): Tracer {
  return trace.getTracer('tessera');
}

/** The `traceparent` of the active span, if any. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The trace id of the active span, for log lines. */
export function currentTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** The context carried by a `traceparent` header or event attribute (the active one when absent). */
export function contextFromTraceparent(traceparent: string | undefined): Context {
  if (!traceparent) return context.active();
  return propagation.extract(context.active(), { traceparent });
}

/** Runs `work` inside a new span that is a child of `parent`, ending it when the work settles. */
export async function inSpan<T>(name: string, parent: Context, work: (span: Span) => Promise<T>): Promise<T> {
  const span = tracer().startSpan(name, undefined, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: 2, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}
