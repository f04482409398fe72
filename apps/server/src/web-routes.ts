import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpApp } from '@tessera/platform';
import { webRoot } from '@tessera/web';

/** Paths the API and the kernel own: never answered with the app's page. */
const SERVER_PREFIXES = ['/api/', '/assets/', '/docs', '/openapi.json', '/healthz', '/readyz', '/metrics', '/.well-known/', '/problems/'];

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tessera</title></head><body><main>
<h1>Tessera</h1><p>The API is running, but the web app has not been built. Run <code>npm start</code> (it builds
the app first) or <code>npm run build:web</code>.</p><p><a href="/docs">API documentation</a></p></main></body></html>`;

/**
 * Serves the single-page app: hashed assets with a year of caching, and the app's page for every other
 * GET a browser makes (deep links such as /learn/courses/…), so the client-side router takes over.
 */
export async function registerWebRoutes(app: HttpApp): Promise<void> {
  const built = existsSync(join(webRoot, 'index.html'));
  const page = built ? await readFile(join(webRoot, 'index.html'), 'utf8') : NOT_BUILT;
  if (built) {
    await app.register(fastifyStatic, { root: join(webRoot, 'assets'), prefix: '/assets/', immutable: true, maxAge: '365d', decorateReply: false, index: false });
  }
  const sendPage = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  app.get('/', { config: { auth: false }, schema: { hide: true } }, sendPage);
  app.get('/*', { config: { auth: false }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (SERVER_PREFIXES.some((prefix) => path.startsWith(prefix)) || !acceptsHtml(request)) return reply.callNotFound();
    return sendPage(request, reply);
  });
}

function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') || accept.includes('*/*') || accept === '';
}
