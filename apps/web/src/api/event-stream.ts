import { API_ORIGIN, authHeaders } from './client';

export interface StreamEvent {
  event: string;
  data: string;
}

/** An incremental text/event-stream parser: feed it chunks as they arrive, get whole events back. */
export function eventStreamParser(): (chunk: string) => StreamEvent[] {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    const events: StreamEvent[] = [];
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = parseBlock(block);
      if (event) events.push(event);
      end = buffer.indexOf('\n\n');
    }
    return events;
  };
}

function parseBlock(block: string): StreamEvent | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, data: data.join('\n') } : null;
}

export interface LiveStreamOptions {
  /** Path under the API origin, e.g. `/api/v1/me/results/stream`. */
  path: string;
  onEvent(event: StreamEvent): void;
  /** Connected (again): events from now on arrive; anything before must be read separately. */
  onOpen?(): void;
  /** The connection dropped or could not be made; a reconnect is scheduled. */
  onDown?(): void;
  backoffMs?: readonly number[];
}

const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000] as const;

/**
 * Server-Sent Events read with fetch, because EventSource cannot send the Authorization header. Reconnects
 * after a drop with growing delays (reset once connected); the access token is fetched fresh each time.
 */
export function openLiveStream(options: LiveStreamOptions): { close(): void } {
  const delays = options.backoffMs ?? BACKOFF_MS;
  let closed = false;
  let failures = 0;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    controller = new AbortController();
    try {
      const response = await fetch(`${API_ORIGIN}${options.path}`, {
        headers: { accept: 'text/event-stream', ...(await authHeaders()) },
        signal: controller.signal,
        cache: 'no-store',
      });
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      failures = 0;
      options.onOpen?.();
      await readEvents(response.body, options.onEvent);
    } catch {
      // Dropped, refused or aborted: reconnect below unless closed.
    }
    if (closed) return;
    options.onDown?.();
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 30_000;
    failures += 1;
    timer = setTimeout(() => void connect(), delay);
  };

  void connect();
  return {
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      controller?.abort();
    },
  };
}

async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: StreamEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parse = eventStreamParser();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    for (const event of parse(decoder.decode(value, { stream: true }))) onEvent(event);
  }
}
