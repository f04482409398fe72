import createClient, { type Middleware } from 'openapi-fetch';
import { endSession, getSession, startSession, type Session, type Tokens } from '../auth/session';
import type { paths } from './openapi';
import { ApiError, toProblem } from './problem';

/** Refresh a little before expiry so a request never leaves with a token that dies in flight. */
const REFRESH_MARGIN_MS = 30_000;

/** The typed client of the whole API, generated from `/openapi.json` (see `scripts/generate-api.ts`). */
export const API_ORIGIN = globalThis.location?.origin ?? '';

export const api = createClient<paths>({ baseUrl: API_ORIGIN });

let refreshing: Promise<Session | null> | null = null;

/** One refresh at a time, shared by every request that needs it (the refresh token is single use). */
export function freshSession(): Promise<Session | null> {
  const session = getSession();
  if (!session || session.expiresAt - REFRESH_MARGIN_MS > Date.now()) return Promise.resolve(session);
  refreshing ??= refresh(session).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function refresh(session: Session): Promise<Session | null> {
  const response = await fetch(`${API_ORIGIN}/api/v1/auth/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  });
  if (!response.ok) {
    endSession();
    return null;
  }
  const body = (await response.json()) as { tokens?: Tokens } & Partial<Tokens>;
  return startSession(session.tenant, body.tokens ?? (body as Tokens));
}

const authenticate: Middleware = {
  async onRequest({ request }) {
    if (request.headers.has('authorization') || request.url.includes('/api/v1/auth/refresh')) return request;
    const session = await freshSession();
    if (session) request.headers.set('authorization', `Bearer ${session.accessToken}`);
    return request;
  },
  onResponse({ response, request }) {
    // A revoked session or a deactivated user: back to the sign-in page rather than a broken screen.
    if (response.status === 401 && request.headers.has('authorization')) endSession();
    return response;
  },
};

api.use(authenticate);

/** The data of a typed call, or an ApiError carrying the problem the API answered with. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError({ title: 'network', status: 0 });
  }
  if (result.error !== undefined || !result.response.ok) throw new ApiError(toProblem(result.error, result.response));
  return result.data as T;
}

/** Headers of an authenticated request made outside the typed client (uploads with progress, streams). */
export async function authHeaders(): Promise<Record<string, string>> {
  const session = await freshSession();
  return session ? { authorization: `Bearer ${session.accessToken}` } : {};
}
