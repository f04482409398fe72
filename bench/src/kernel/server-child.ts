/**
 * Child process serving HTTP for the load generator: `bare` is a plain Node server answering 204 (the ceiling
 * any Node framework works under), `kernel` is the real kernel HTTP app with the echo service on isolated backends.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildHttpApp } from '@tessera/platform';
import { testTenant } from '@tessera/platform/testing';
import { runChild, tellParent } from './child-runtime.js';
import { echoModule } from './echo-module.js';
import { openBenchPlatform } from './platform.js';

export interface ServerSpec {
  kind: 'bare' | 'kernel';
}

const spec = JSON.parse(process.argv[2] ?? '{}') as ServerSpec;

runChild(async () => {
  if (spec.kind === 'bare') return serveBare();
  if (spec.kind === 'kernel') return serveKernel();
  throw new Error(`Unknown server kind ${JSON.stringify(spec.kind)}`);
});

async function serveBare(): Promise<() => Promise<void>> {
  const server = createServer((_request, response) => {
    response.statusCode = 204;
    response.end();
  });
  const url = await listen(server);
  await tellParent({ type: 'ready', url, authorization: null, backends: 'none' });
  return () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function serveKernel(): Promise<() => Promise<void>> {
  const bench = await openBenchPlatform([echoModule]);
  try {
    const app = await buildHttpApp(bench.platform, [echoModule]);
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    // A real token from the platform's own signing keys, exactly what identity will hand out.
    const { authorization } = await testTenant(bench.platform, ['student']);
    await tellParent({ type: 'ready', url, authorization, backends: bench.backends });
    return async () => {
      await app.close();
      await bench.close();
    };
  } catch (error) {
    await bench.close();
    throw error;
  }
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}
