/**
 * Child process that measures access-token verification on one core and nothing else: the kernel's
 * `AccessTokens` over the published key set the identity child wrote, one token at a time, each token distinct
 * so none is answered from the verified-token cache (a fresh verifier per run); then the same tokens again,
 * which is what repeated requests with one token cost.
 */
import { readFile, rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { AccessTokens, type TokenKeys } from '@tessera/platform';
import type { JWK } from 'jose';
import { runChild, tellParent } from '../kernel/child-runtime.js';
import { summarize } from '../lib/percentiles.js';

/** What the identity child hands over. */
export interface VerificationInput {
  jwks: { keys: JWK[] };
  tokens: string[];
  issuer: string;
  audience: string;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as { tokensFile: string };

runChild(async () => {
  const input = JSON.parse(await readFile(spec.tokensFile, 'utf8')) as VerificationInput;
  await rm(spec.tokensFile, { force: true });
  await tellParent({ type: 'figures', figures: { verification: await measure(input) } });
  return async () => undefined;
});

/** A fixed key set: verification only (nothing is signed here, and the set never reloads). */
function fixedKeys(jwks: VerificationInput['jwks']): TokenKeys {
  return {
    current: () => Promise.reject(new Error('the verification bench signs nothing')),
    jwks: () => Promise.resolve(jwks),
    reloadForUnknownKey: () => Promise.resolve(),
  };
}

async function measure(input: VerificationInput) {
  const verifier = new AccessTokens(fixedKeys(input.jwks), input.issuer, input.audience);
  const [first, ...tokens] = input.tokens;
  await verifier.verify(first ?? '');
  const latencies = new Float64Array(tokens.length);
  const started = performance.now();
  for (let i = 0; i < tokens.length; i++) {
    const t0 = performance.now();
    await verifier.verify(tokens[i] ?? '');
    latencies[i] = performance.now() - t0;
  }
  const seconds = (performance.now() - started) / 1000;
  const cachedStarted = performance.now();
  for (const token of tokens) await verifier.verify(token);
  const cachedSeconds = (performance.now() - cachedStarted) / 1000;
  const summary = summarize(latencies);
  return { tokens: tokens.length, perSecond: tokens.length / seconds, cachedPerSecond: tokens.length / cachedSeconds, p50Ms: summary.p50, p99Ms: summary.p99 };
}
