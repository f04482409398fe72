/**
 * Child process for the identity bench: the identity service on isolated backends with the configured argon2id
 * cost, seeded with the demo accounts, listening on loopback. Before it says `ready` it measures access-token
 * verification in this process (one JavaScript thread, libuv's pool limited to one thread by the parent).
 */
import { performance } from 'node:perf_hooks';
import { AccessTokens, buildHttpApp } from '@tessera/platform';
import { DEMO_PASSWORD, identityService } from '@tessera/identity';
import { runChild, tellParent } from '../kernel/child-runtime.js';
import { openBenchPlatform } from '../kernel/platform.js';
import { summarize } from '../lib/percentiles.js';

const spec = JSON.parse(process.argv[2] ?? '{}') as { tokens: number };

runChild(async () => {
  const bench = await openBenchPlatform([identityService]);
  try {
    await identityService.seedDemo?.(bench.platform);
    await tellParent({ type: 'figures', figures: { verification: await measureVerification(bench.platform, spec.tokens) } });
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
 * Full signature verification of `count` distinct tokens, one at a time: a fresh verifier per run, so no
 * token is answered from the verified-token cache that serves repeated requests in production.
 */
async function measureVerification(platform: Awaited<ReturnType<typeof openBenchPlatform>>['platform'], count: number) {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) tokens.push(await platform.tokens.issue({ subject: `user-${i}`, tenantId: '00000000-0000-4000-8000-000000000001', roles: ['student'] }));
  const verifier = new AccessTokens(platform.keys, platform.config.TESSERA_ISSUER, platform.config.TESSERA_AUDIENCE);
  await verifier.verify(tokens[0] ?? '');
  const latencies = new Float64Array(count - 1);
  const started = performance.now();
  for (let i = 1; i < count; i++) {
    const t0 = performance.now();
    await verifier.verify(tokens[i] ?? '');
    latencies[i - 1] = performance.now() - t0;
  }
  const seconds = (performance.now() - started) / 1000;
  const cachedStarted = performance.now();
  for (let i = 1; i < count; i++) await verifier.verify(tokens[i] ?? '');
  const cachedSeconds = (performance.now() - cachedStarted) / 1000;
  const summary = summarize(latencies);
  return { tokens: count - 1, perSecond: (count - 1) / seconds, cachedPerSecond: (count - 1) / cachedSeconds, p50Ms: summary.p50, p99Ms: summary.p99 };
}
