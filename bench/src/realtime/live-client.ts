/**
 * One live connection of a user to notify, over SSE or a WebSocket, seen from the bench: it is open once the
 * server's `ready` arrives, notes when each `notification` arrives, and counts as dropped if it ends
 * before the bench closes it.
 */
import http from 'node:http';
import { WebSocket } from 'ws';

export type Transport = 'sse' | 'ws';

export interface LiveClient {
  readonly transport: Transport;
  /** Epoch ms of each `notification` received, in order. */
  readonly arrivals: readonly number[];
  /** Why it ended before the bench closed it; null while it holds. */
  readonly droppedBecause: string | null;
  close(): void;
}

export interface ClientTarget {
  /** The server's base URL, e.g. http://127.0.0.1:4321 */
  url: string;
  authorization: string;
  openTimeoutMs: number;
}

/** Opens a connection and resolves once the server said `ready`; rejects if it did not within the timeout. */
export function openLiveClient(transport: Transport, target: ClientTarget): Promise<LiveClient> {
  return transport === 'sse' ? openSse(target) : openSocket(target);
}

/** The state both transports share: opening, open, then closed by the bench or dropped. */
class ClientState implements LiveClient {
  readonly arrivals: number[] = [];
  droppedBecause: string | null = null;
  private opened = false;
  private closedByBench = false;
  private readonly timer: NodeJS.Timeout;

  constructor(readonly transport: Transport, timeoutMs: number, private readonly settle: { resolve(client: LiveClient): void; reject(error: Error): void },
    private readonly end: () => void) {
    this.timer = setTimeout(() => this.fail(`no ready within ${timeoutMs / 1000} s`), timeoutMs);
  }

  received(event: string): void {
    if (event === 'ready' && !this.opened) {
      this.opened = true;
      clearTimeout(this.timer);
      this.settle.resolve(this);
    } else if (event === 'notification') {
      this.arrivals.push(Date.now());
    }
  }

  /** The connection ended or failed: before `ready` the open failed; after it, the connection dropped. */
  fail(reason: string): void {
    if (this.closedByBench) return;
    if (!this.opened) {
      clearTimeout(this.timer);
      this.closedByBench = true;
      this.end();
      this.settle.reject(new Error(reason));
    } else {
      this.droppedBecause ??= reason;
    }
  }

  close(): void {
    this.closedByBench = true;
    clearTimeout(this.timer);
    this.end();
  }
}

function openSse(target: ClientTarget): Promise<LiveClient> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${target.url}/api/v1/notifications/stream`, {
      headers: { authorization: target.authorization, accept: 'text/event-stream' },
      // One socket per stream, as separate browsers would hold.
      agent: false,
    });
    const state = new ClientState('sse', target.openTimeoutMs, { resolve, reject }, () => request.destroy());
    request.on('response', (response) => {
      if (response.statusCode !== 200) {
        state.fail(`status ${response.statusCode}`);
        response.resume();
        return;
      }
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const name = /^event: (.*)$/m.exec(buffer.slice(0, end))?.[1];
          if (name) state.received(name);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      });
      response.on('close', () => state.fail('stream ended'));
    });
    request.on('error', (error) => state.fail(`sse ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    request.end();
  });
}

function openSocket(target: ClientTarget): Promise<LiveClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${target.url.replace(/^http/, 'ws')}/api/v1/notifications/socket`, {
      headers: { authorization: target.authorization },
      perMessageDeflate: false,
    });
    const state = new ClientState('ws', target.openTimeoutMs, { resolve, reject }, () => socket.terminate());
    socket.on('message', (data) => {
      const type = (JSON.parse(String(data)) as { type?: unknown }).type;
      if (typeof type === 'string') state.received(type);
    });
    socket.on('unexpected-response', (_request, response) => state.fail(`status ${response.statusCode}`));
    socket.on('close', (code) => state.fail(`socket closed (${code})`));
    socket.on('error', (error) => state.fail(`ws ${(error as NodeJS.ErrnoException).code ?? error.message}`));
  });
}
