import { currentTraceparent, type HttpApp } from '@tessera/platform';
import type { FastifyRequest, LightMyRequestResponse } from 'fastify';
import type { SectionError } from '../contract/index.js';

/** How long one service may take before its section is given up on (504): the page must not wait for the slowest. */
export const UPSTREAM_TIMEOUT_MS = 5_000;

/** What a service answered: its JSON body, or the status and problem that make the section an error. */
export type Fetched<T> =
  | { ok: true; body: T }
  | { ok: false; error: SectionError['error']; code: string | undefined; detail: string | undefined };

/** Reads one of the other services' public GET routes as the caller. */
export type Upstream = <T>(path: string) => Promise<Fetched<T>>;

/**
 * Calls the other services' public HTTP API in this process (`inject`: the full pipeline of authentication,
 * tenancy, rate limits and validation, never their code), as the caller: their credential, the address they
 * used (a tenant's host is checked against the credential), their trace and request id.
 */
export function upstreamOf(app: HttpApp, request: FastifyRequest, timeoutMs = UPSTREAM_TIMEOUT_MS): Upstream {
  const headers = forwardedHeaders(request);
  return async <T>(path: string): Promise<Fetched<T>> => {
    let response: LightMyRequestResponse | undefined;
    try {
      response = await withTimeout(app.inject({ method: 'GET', url: path, headers }), timeoutMs);
    } catch (error) {
      request.log.warn({ err: error, upstream: path }, 'upstream call failed');
      return failure(503, 'The service could not be reached');
    }
    if (!response) return failure(504, 'The service did not answer in time');
    if (response.statusCode >= 300) return problemOf(response);
    const body = jsonOf(response);
    return body === undefined ? failure(502, 'The service answered something unreadable') : { ok: true, body: body as T };
  };
}

function forwardedHeaders(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-request-id': request.id };
  const { authorization, host } = request.headers;
  if (authorization) headers.authorization = authorization;
  if (host) headers.host = host;
  const traceparent = currentTraceparent();
  if (traceparent) headers.traceparent = traceparent;
  return headers;
}

/** Resolves to undefined when `ms` pass first (the call itself goes on and is dropped). */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function problemOf(response: LightMyRequestResponse): Fetched<never> {
  const problem = jsonOf(response) as { title?: unknown; code?: unknown; detail?: unknown } | undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    ok: false,
    error: { status: response.statusCode, title: text(problem?.title) ?? response.statusMessage ?? 'Error' },
    code: text(problem?.code),
    detail: text(problem?.detail),
  };
}

function failure(status: number, title: string): Fetched<never> {
  return { ok: false, error: { status, title }, code: undefined, detail: undefined };
}

function jsonOf(response: LightMyRequestResponse): unknown {
  try {
    return response.json();
  } catch {
    return undefined;
  }
}
