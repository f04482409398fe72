import { randomUUID } from 'node:crypto';
import { toCloudEvent, type HttpApp } from '@tessera/platform';
import { createTestApp, createTestPlatform, testBackends, testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyService, PAYMENTS_CONSUMER } from '../src/index.js';

let platform: TestPlatform;
let app: HttpApp;
let tenant: TestTenant;
let handle: (event: ReturnType<typeof toCloudEvent>) => Promise<void>;

async function student(): Promise<TestTenant> {
  const subject = randomUUID();
  return { ...tenant, subject, authorization: `Bearer ${await platform.tokens.issue({ subject, tenantId: tenant.tenantId, roles: ['student'] })}` };
}

async function notices(who: TestTenant): Promise<Array<{ kind: string; title: string; link: string | null; category: string }>> {
  const response = await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { authorization: who.authorization } });
  return response.json<{ items: Array<{ kind: string; title: string; link: string | null; category: string }> }>().items;
}

beforeAll(async () => {
  platform = await createTestPlatform([notifyService]);
  app = await createTestApp(platform, [notifyService]);
  const registration = notifyService.consumers!(platform).find((r) => r.spec.durable === PAYMENTS_CONSUMER)!;
  handle = (event) => registration.handler(event, { attempt: 1, subject: 'test' });
  tenant = await testTenant(platform, ['tenant_admin']);
});

afterAll(async () => {
  await app?.close();
  await platform?.cleanup();
});

describe(`payment receipts (${testBackends.database}, ${testBackends.bus}, ${testBackends.cache})`, () => {
  it('sends one receipt per captured order, one notice per refund, and tells of a decline but not of a timeout', async () => {
    const buyer = await student();
    const orderId = randomUUID();
    const payment = { orderId, userId: buyer.subject, enrollmentId: randomUUID(), productKind: 'course', productId: randomUUID(), totalMinor: 5_999, currency: 'EUR' };
    const captured = toCloudEvent({ name: 'billing.payment.captured', data: payment }, { tenantId: tenant.tenantId });
    await handle(captured);
    await handle(captured);
    await handle(toCloudEvent({ name: 'billing.refund.issued', data: { ...payment, refundId: randomUUID(), amountMinor: 1_000, full: false } }, { tenantId: tenant.tenantId }));
    await handle(toCloudEvent({ name: 'billing.payment.failed', data: { ...payment, orderId: randomUUID(), reason: 'timeout' } }, { tenantId: tenant.tenantId }));
    await handle(toCloudEvent({ name: 'billing.payment.failed', data: { ...payment, orderId: randomUUID(), reason: 'insufficient_funds' } }, { tenantId: tenant.tenantId }));

    const received = await notices(buyer);
    expect(received.map((notice) => notice.kind).sort()).toEqual(['payment.captured', 'payment.failed', 'refund.issued']);
    expect(received.find((notice) => notice.kind === 'payment.captured')).toMatchObject({ title: 'Payment received: €59.99', category: 'billing', link: `/orders/${orderId}` });
    expect(received.find((notice) => notice.kind === 'refund.issued')?.title).toBe('Refund issued: €10.00');
    expect(await notices(await student())).toEqual([]);
  });
});
