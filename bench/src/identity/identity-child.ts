/**
 * Child process for the identity bench: the identity service on isolated backends with the configured argon2id
 * cost, seeded with the demo accounts, listening on loopback. Before it says `ready` it writes signed access tokens
 * to a file for the verification child.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHttpApp } from '@tessera/platform';
import { DEMO_PASSWORD, identityService } from '@tessera/identity';
import { runChild, tellParent } from '../kernel/child-runtime.js';
import { openBenchPlatform } from '../kernel/platform.js';
import type { VerificationInput } from './verify-child.js';

const spec = JSON.parse(process.argv[2] ?? '{}') as { tokens: number };

runChild(async () => {
  const bench = await openBenchPlatform([identityService]);
  try {
    await identityService.seedDemo?.(bench.platform);
    await tellParent({ type: 'figures', figures: { tokensFile: await writeTokens(bench.platform, spec.tokens) } });
    const app = await buildHttpApp(bench.platform, [identityService]);
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    await tellParent({
      type: 'ready', url, authorization: null, backends: bench.backends,
      extra: { tenant: 'demo', email: 'student@demo.tessera.localhost', password: DEMO_PASSWORD, memoryKiB: String(bench.platform.config.PASSWORD_HASH_MEMORY_KIB), iterations: String(bench.platform.config.PASSWORD_HASH_ITERATIONS) },
    });
    return async () => {
      await app.close();
      await bench.close();
    };
  } catch (error) {
    await bench.close();
    throw error;
  }
});

/**
 * Issues `count` distinct access tokens and writes them, with the public key set, to a file for the
 * verification child: verification is measured in a process that does nothing else (this one runs the
 * platform's relay and bus loops, which would share its core).
 */
async function writeTokens(platform: Awaited<ReturnType<typeof openBenchPlatform>>['platform'], count: number): Promise<string> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) tokens.push(await platform.tokens.issue({ subject: `user-${i}`, tenantId: '00000000-0000-4000-8000-000000000001', roles: ['student'] }));
  const file: VerificationInput = { jwks: await platform.keys.jwks(), tokens, issuer: platform.config.TESSERA_ISSUER, audience: platform.config.TESSERA_AUDIENCE };
  const path = join(tmpdir(), `tessera-bench-tokens-${process.pid}.json`);
  await writeFile(path, JSON.stringify(file));
  return path;
}
