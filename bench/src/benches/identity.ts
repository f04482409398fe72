import { performance } from 'node:perf_hooks';
import { backendFlags, numberFlag, stringFlag } from '../lib/flags.js';
import type { Bench, Cell, Json, Table } from '../lib/bench.js';
import { loadAverage } from '../lib/machine.js';
import { percentile, summarize } from '../lib/percentiles.js';
import { chooseBackends, type BackendSet } from '../kernel/backends.js';
import { BenchChild } from '../kernel/child.js';

const STARTUP_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;
const UNREACHABLE = '1000000000';

interface Row {
  backends: string;
  signIn: { count: number; p50: number; p95: number; p99: number; max: number };
  refresh: { perSecond: number; p50: number; p99: number; chains: number; seconds: number; failures: number };
  verification: { tokens: number; perSecond: number; cachedPerSecond: number; p50Ms: number; p99Ms: number };
  argon2: string;
  load: number;
}

/**
 * Identity hot paths: password sign-in at the configured argon2id cost (one user, one request at a time, as a
 * person signs in), refresh-token rotation under concurrency, and access-token signature verification per second
 * on one core.
 */
export const bench: Bench = {
  name: 'identity',
  description: 'Sign-in p50/p95 at the configured argon2id cost, refresh rotations/s, access-token verifications/s on one core.',
  flags: {
    ...backendFlags,
    'sign-ins': { type: 'string', description: 'sequential sign-ins measured (default 200, quick 20)' },
    chains: { type: 'string', description: 'concurrent refresh chains (default 16)' },
    duration: { type: 'string', description: 'seconds of refresh load (default 10, quick 2)' },
    tokens: { type: 'string', description: 'distinct tokens verified (default 20000, quick 2000)' },
  },
  async run(options) {
    const { quick, log } = options;
    const sets = chooseBackends({ backends: stringFlag(options, 'backends'), distributed: options.flags.distributed === true, embeddedData: 'disk' }, process.env);
    const spec = {
      signIns: numberFlag(options, 'sign-ins', quick ? 20 : 200),
      chains: numberFlag(options, 'chains', 16),
      seconds: numberFlag(options, 'duration', quick ? 2 : 10),
      tokens: numberFlag(options, 'tokens', quick ? 2_000 : 20_000),
    };
    const rows: Row[] = [];
    for (const set of sets) rows.push(await measureIn(set, spec, log));
    return {
      parameters: { backends: sets.map((s) => s.name).join(', '), ...spec },
      tables: [table(rows)],
      figures: { rows: rows as unknown as Json },
      notes: [
        'Sign-in: POST /api/v1/auth/sign-in of one demo account over keep-alive HTTP on loopback, one request at a time (the single-user latency the budget is about), at the argon2id cost in the argon2 column (memory KiB / passes, OWASP: 19456 / 2). Each includes the tenant lookup, the lockout counters, the user query, argon2id verification, session and refresh-token inserts and signing the access token.',
        'Refresh: each chain keeps one session and rotates its refresh token as fast as it can (the new token is needed for the next call); every call spends a token, inserts the next and signs a new access token in one transaction.',
        'Verification: the kernel\'s AccessTokens (RS256 signature with RSA 2048, issuer, audience, expiry, typ and lifetime checks by fast-jwt) over the published key set, one token at a time in a process of its own that does nothing else (UV_THREADPOOL_SIZE=1: one core), each token distinct so none is served from the verified-token cache; "cached" is the same tokens again, which is what repeated requests with one token cost. The tokens are signed by the identity child on the backends of the row.',
      ],
    };
  },
};

async function measureIn(set: BackendSet, spec: { signIns: number; chains: number; seconds: number; tokens: number }, log: (line: string) => void): Promise<Row> {
  const load = loadAverage()[0] ?? 0;
  const env = { ...set.env, SIGN_IN_PER_IP_PER_MINUTE: UNREACHABLE, RATE_LIMIT_USER_PER_MINUTE: UNREACHABLE, RATE_LIMIT_TENANT_PER_MINUTE: UNREACHABLE, UV_THREADPOOL_SIZE: '1' };
  const child = BenchChild.start('../identity/identity-child.ts', { tokens: spec.tokens }, env, `identity (${set.name})`);
  try {
    const { figures } = await child.receive('figures', STARTUP_TIMEOUT_MS);
    const ready = await child.receive('ready', STARTUP_TIMEOUT_MS);
    const verification = await measureVerification(String(figures.tokensFile), env);
    const account = ready.extra ?? {};
    const signInBody = JSON.stringify({ tenant: account.tenant, email: account.email, password: account.password });
    const signIn = await measureSignIns(ready.url, signInBody, spec.signIns);
    const refresh = await measureRefresh(ready.url, signInBody, spec.chains, spec.seconds);
    log(`${ready.backends}: sign-in p95 ${signIn.p95.toFixed(1)} ms, refresh ${Math.round(refresh.perSecond)}/s, verification ${Math.round(verification.perSecond)}/s`);
    await child.stop(STOP_TIMEOUT_MS);
    return { backends: ready.backends, signIn, refresh, verification, argon2: `${account.memoryKiB} KiB / ${account.iterations}`, load };
  } catch (error) {
    await child.stop(STOP_TIMEOUT_MS).catch(() => undefined);
    throw error;
  }
}

/** Verification in a child of its own, started while the identity child idles (its loops barely wake). */
async function measureVerification(tokensFile: string, env: Record<string, string | undefined>): Promise<Row['verification']> {
  const child = BenchChild.start('../identity/verify-child.ts', { tokensFile }, env, 'verification');
  try {
    const { figures } = await child.receive('figures', STARTUP_TIMEOUT_MS);
    return figures.verification as unknown as Row['verification'];
  } finally {
    await child.stop(STOP_TIMEOUT_MS);
  }
}

async function measureSignIns(url: string, body: string, count: number): Promise<Row['signIn']> {
  await signInOnce(url, body);
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await signInOnce(url, body);
    latencies.push(performance.now() - started);
  }
  const sorted = Float64Array.from(latencies).sort();
  const summary = summarize(latencies);
  return { count, p50: summary.p50, p95: percentile(sorted, 95), p99: summary.p99, max: summary.max };
}

async function signInOnce(url: string, body: string): Promise<{ refreshToken: string }> {
  const response = await fetch(`${url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = (await response.json()) as { status?: string; tokens?: { refreshToken: string } };
  if (response.status !== 200 || !json.tokens) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(json)}`);
  return json.tokens;
}

async function measureRefresh(url: string, signInBody: string, chains: number, seconds: number): Promise<Row['refresh']> {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: chains }, async () => {
    let { refreshToken } = await signInOnce(url, signInBody);
    const chainStart = performance.now();
    while (performance.now() < deadline && performance.now() - chainStart < seconds * 1000 + 5_000) {
      const t0 = performance.now();
      const response = await fetch(`${url}/api/v1/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) });
      const json = (await response.json()) as { refreshToken?: string };
      if (response.status !== 200 || !json.refreshToken) {
        failures++;
        ({ refreshToken } = await signInOnce(url, signInBody));
        continue;
      }
      latencies.push(performance.now() - t0);
      refreshToken = json.refreshToken;
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  const summary = summarize(latencies.length > 0 ? latencies : [0]);
  return { perSecond: latencies.length / elapsed, p50: summary.p50, p99: summary.p99, chains, seconds: elapsed, failures };
}

function table(rows: Row[]): Table {
  return {
    title: 'Identity: sign-in, refresh, token verification',
    columns: [
      { key: 'backends', title: 'backends' },
      { key: 'argon2', title: 'argon2id' },
      { key: 'signInP50', title: 'sign-in p50 ms', decimals: 1 },
      { key: 'signInP95', title: 'sign-in p95 ms', decimals: 1 },
      { key: 'refresh', title: 'refresh/s' },
      { key: 'refreshP99', title: 'refresh p99 ms', decimals: 1 },
      { key: 'verify', title: 'verifications/s (1 core)' },
      { key: 'cached', title: 'cached verifications/s' },
      { key: 'load', title: 'load 1m', decimals: 1 },
    ],
    rows: rows.map((row): Record<string, Cell> => ({
      backends: row.backends,
      argon2: row.argon2,
      signInP50: row.signIn.p50,
      signInP95: row.signIn.p95,
      refresh: Math.round(row.refresh.perSecond),
      refreshP99: row.refresh.p99,
      verify: Math.round(row.verification.perSecond),
      cached: Math.round(row.verification.cachedPerSecond),
      load: row.load,
    })),
  };
}
