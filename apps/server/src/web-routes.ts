import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HttpApp } from '@tessera/platform';
import { webRoot } from '@tessera/web';

/** Serves the web app's entry page at `/`. */
export async function registerWebRoutes(app: HttpApp): Promise<void> {
  const index = await readFile(join(webRoot, 'index.html'), 'utf8');
  app.get('/', { config: { auth: false }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index));
}
