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

/** Sends requests over `inject`: bodies as JSON, or a Buffer as it is (an upload, with its own content type). */
export function apiOf(app: HttpApp): Api {
  return (request) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['content-type'] ??= 'application/json';
    const raw = Buffer.isBuffer(request.body);
    return app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers,
      ...(request.body !== undefined ? { payload: raw ? request.body as Buffer : JSON.stringify(request.body) } : {}),
    });
  };
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
