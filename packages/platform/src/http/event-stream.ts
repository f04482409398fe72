import type { OutgoingHttpHeaders, Server } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A Server-Sent Events response held open by a route handler. */
export interface EventStream {
  /** Writes one event (`event:`, `id:`, `data:` as JSON). Does nothing once the stream is closed. */
  send(event: string, data: unknown, id?: string): void;
  /** Runs `fn` when the stream ends for any reason (client gone, `close()`, server shutdown); at once if it has. */
  onClose(fn: () => void): void;
  /** Ends the response from the server side. */
  close(): void;
  readonly closed: boolean;
}

export interface EventStreamOptions {
  /** How often a comment line is sent, so proxies and browsers do not drop a quiet stream. */
  heartbeatMs?: number;
  /** The reconnection delay suggested to `EventSource` clients (`retry:`); none when unset. */
  retryMs?: number;
  /** A client that leaves this much unread is cut off rather than buffered for without bound. */
  maxBufferedBytes?: number;
}

const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  // Stops nginx-style proxies from buffering the stream.
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
} as const;

const DEFAULT_HEARTBEAT_MS = 15_000;
const DEFAULT_MAX_BUFFERED_BYTES = 1024 * 1024;
const SINGLE_LINE = /^[^\r\n]*$/;

/**
 * Turns the reply into an SSE stream. The reply is hijacked, so Fastify's onSend hooks and serialisation are
 * skipped; the headers hooks already set (request id, rate limits) are carried over. onResponse hooks (the
 * request log line, latency metric and span) run when the server ends the stream, not when the client leaves.
 */
export function openEventStream(request: FastifyRequest, reply: FastifyReply, options: EventStreamOptions = {}): EventStream {
  const res = reply.raw;
  const maxBuffered = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  const closeListeners: Array<() => void> = [];
  let closed = false;

  reply.hijack();
  res.writeHead(200, { ...headersSetSoFar(reply), ...STREAM_HEADERS });
  res.flushHeaders();
  if (options.retryMs !== undefined) res.write(`retry: ${Math.max(0, Math.floor(options.retryMs))}\n\n`);

  const write = (chunk: string) => {
    if (closed) return;
    res.write(chunk);
    if (res.writableLength > maxBuffered) {
      request.log.warn({ buffered: res.writableLength }, 'event stream client too slow: closing');
      stream.close();
    }
  };
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();

  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    request.raw.off('close', finish);
    res.off('close', finish);
    res.off('error', finish);
    forgetOnShutdown();
    for (const fn of closeListeners.splice(0)) runCloseListener(request, fn);
  };

  const stream: EventStream = {
    send(event, data, id) {
      assertSingleLine('event', event);
      if (id !== undefined) assertSingleLine('id', id);
      write(`event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data ?? null)}\n\n`);
    },
    onClose(fn) {
      if (closed) runCloseListener(request, fn);
      else closeListeners.push(fn);
    },
    close() {
      if (closed) return;
      // Ending the response (not destroying it) lets 'finish' fire, so the kernel's onResponse hooks run.
      res.end();
      finish();
    },
    get closed() {
      return closed;
    },
  };

  const forgetOnShutdown = closeOnShutdown(request.server.server, () => {
    const socket = res.socket;
    stream.close();
    // The connection would otherwise linger as an idle keep-alive one that the closing server still waits for.
    socket?.end();
  });
  request.raw.on('close', finish);
  res.on('close', finish);
  res.on('error', finish);
  if (res.destroyed || request.raw.socket?.destroyed === true) finish();
  return stream;
}

/** Headers the kernel's hooks put on the reply (request id, rate limits), which a hijacked reply would drop. */
function headersSetSoFar(reply: FastifyReply): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
  return headers;
}

function assertSingleLine(field: string, value: string): void {
  if (!SINGLE_LINE.test(value)) throw new Error(`An event stream ${field} must not contain line breaks`);
}

function runCloseListener(request: FastifyRequest, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    request.log.warn({ err: error }, 'event stream close listener failed');
  }
}

const SHUTDOWN_POLL_MS = 250;

interface ShutdownWatch {
  closers: Set<() => void>;
  timer: NodeJS.Timeout;
}

const shutdownWatches = new WeakMap<Server, ShutdownWatch>();

/**
 * Closing the app waits for every connection to end and a stream never does on its own, so streams are closed
 * once their server stops listening (the first step of `app.close()`). Hooks cannot be added to a started app,
 * hence one poll per server while it has open streams. Injected requests have no listening server: nothing to watch.
 */
function closeOnShutdown(server: Server, close: () => void): () => void {
  if (!server.listening) return () => undefined;
  let watch = shutdownWatches.get(server);
  if (!watch) {
    const closers = new Set<() => void>();
    const timer = setInterval(() => {
      if (!server.listening) for (const closeStream of [...closers]) closeStream();
    }, SHUTDOWN_POLL_MS);
    timer.unref();
    watch = { closers, timer };
    shutdownWatches.set(server, watch);
  }
  const active = watch;
  active.closers.add(close);
  return () => {
    active.closers.delete(close);
    if (active.closers.size === 0 && shutdownWatches.get(server) === active) {
      clearInterval(active.timer);
      shutdownWatches.delete(server);
    }
  };
}
