import type { Readable } from 'node:stream';
import type { HttpApp } from '@tessera/platform';
import type { LightMyRequestResponse } from 'fastify';

/** A request as the red team sends it (over `inject`, never a socket). */
export interface ApiRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Sends requests to the app under attack. */
export type Api = (request: ApiRequest) => Promise<LightMyRequestResponse>;

// An event stream never ends by itself: its first event is read (or what came within this long), then the client hangs up.
const EVENT_STREAM_READ_MS = 1_000;

/**
 * Sends requests over `inject`: bodies as JSON, or a Buffer as it is (an upload, with its own content type).
 * Every answer is read as a stream, so that a Server-Sent Events route is probed like any other: its status,
 * headers and first event come back as the body, and the stream is closed as a browser leaving would.
 */
export function apiOf(app: HttpApp): Api {
  return async (request) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['content-type'] ??= 'application/json';
    const raw = Buffer.isBuffer(request.body);
    const hangUp = new AbortController();
    const response = await app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers,
      payloadAsStream: true,
      signal: hangUp.signal,
      ...(request.body !== undefined ? { payload: raw ? request.body as Buffer : JSON.stringify(request.body) } : {}),
    });
    const body = isEventStream(response) ? await firstEvent(response.stream(), hangUp) : await readAll(response.stream());
    const text = body.toString('utf8');
    return Object.assign(response, { rawPayload: body, payload: text, body: text, json: <T>() => JSON.parse(text) as T });
  };
}

export function isEventStream(response: LightMyRequestResponse): boolean {
  return String(response.headers['content-type'] ?? '').startsWith('text/event-stream');
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Reads until the first complete event (or the time is up), then hangs up: the server sees the client leave. */
async function firstEvent(stream: Readable, hangUp: AbortController): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const timer = setTimeout(() => hangUp.abort(), EVENT_STREAM_READ_MS);
  try {
    for await (const chunk of stream) {
      chunks.push(Buffer.from(chunk as Buffer));
      if (Buffer.concat(chunks).includes('\n\n')) break;
    }
  } catch (error) {
    if (!hangUp.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    hangUp.abort();
  }
  return Buffer.concat(chunks);
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Sends a seeding request and fails loudly unless it answers `status`: the attacks mean nothing on a half-built world. */
export async function expectStatus<T>(api: Api, request: ApiRequest, status: number): Promise<{ body: T; response: LightMyRequestResponse }> {
  const response = await api(request);
  if (response.statusCode !== status) {
    throw new Error(`Seeding: ${request.method} ${request.url} answered ${response.statusCode}, expected ${status}: ${response.body.slice(0, 500)}`);
  }
  const type = String(response.headers['content-type'] ?? '');
  return { body: (type.includes('json') ? response.json() : response.body) as T, response };
}
