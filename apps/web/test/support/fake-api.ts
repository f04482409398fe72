/**
 * A fake `fetch` for component tests of screens that call the API. The typed API client keeps the `fetch`
 * it finds when it is created, so the fake must go in before anything imports it: install it from
 * `vi.hoisted`, which runs before the test file's imports:
 *
 *   const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());
 */
export type Handler = (method: string, path: string, body: unknown, query: URLSearchParams) => Response | Promise<Response>;

export interface FakeApi {
  /** Every request, in order, with its JSON body parsed and its headers (names in lower case). */
  calls: { method: string; path: string; body: unknown; headers: Record<string, string> }[];
  /** How the API answers from now on (until then, 404 to everything). */
  answer(handler: Handler): void;
}

export function installFakeApi(): FakeApi {
  const calls: FakeApi['calls'] = [];
  let handle: Handler = () => new Response(null, { status: 404 });
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    const path = url.pathname;
    const text = request.method === 'GET' ? '' : await request.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    calls.push({ method: request.method, path, body, headers: Object.fromEntries(request.headers) });
    return handle(request.method, path, body, url.searchParams);
  };
  globalThis.fetch = fake as typeof fetch;
  return { calls, answer: (handler) => { handle = handler; } };
}

/** A JSON answer; an error status answers with a problem (`application/problem+json`). */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
}
