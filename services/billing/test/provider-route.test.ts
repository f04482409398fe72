import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingKit, type BillingKit } from './support/billing-kit.js';

/** Stripe configured with `key`; its API points at a closed local port, since telling the mode calls nothing. */
const stripeWith = (key: string): Record<string, string> => ({
  BILLING_PROVIDER: 'stripe', STRIPE_SECRET_KEY: key, BILLING_WEBHOOK_SECRET: 'whsec_provider_route_0123456789', STRIPE_API_URL: 'http://127.0.0.1:9',
});

const kits: BillingKit[] = [];
let testProcessor: BillingKit;
let stripeLive: BillingKit;
let stripeTest: BillingKit;

beforeAll(async () => {
  [testProcessor, stripeLive, stripeTest] = await Promise.all([
    billingKit(),
    billingKit({ overrides: stripeWith('sk_live_provider_route') }),
    billingKit({ overrides: stripeWith('sk_test_provider_route') }),
  ]);
  kits.push(testProcessor, stripeLive, stripeTest);
});

afterAll(async () => {
  await Promise.all(kits.map((kit) => kit.close()));
});

async function providerSeenBy(kit: BillingKit, roles: string[]): Promise<unknown> {
  const response = await kit.request(await kit.member(kit.admin, roles), 'GET', '/billing/provider');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe(`GET /billing/provider (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('tells a buyer the built-in test processor is in test mode', async () => {
    expect(await providerSeenBy(testProcessor, ['student'])).toEqual({ provider: 'test', testMode: true });
    expect(await providerSeenBy(testProcessor, ['tenant_admin'])).toEqual({ provider: 'test', testMode: true });
  });

  it('tells Stripe in test mode by its test key, and live otherwise', async () => {
    expect(await providerSeenBy(stripeTest, ['student'])).toEqual({ provider: 'stripe', testMode: true });
    expect(await providerSeenBy(stripeLive, ['student'])).toEqual({ provider: 'stripe', testMode: false });
  });

  it('answers someone not signed in, or without the buy permission, with a problem', async () => {
    const anonymous = await testProcessor.app.inject({ method: 'GET', url: '/api/v1/billing/provider' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const outsider = await testProcessor.request(await testProcessor.member(testProcessor.admin, []), 'GET', '/billing/provider');
    expect(outsider.statusCode).toBe(403);
    expect(outsider.headers['content-type']).toContain('application/problem+json');
  });
});
