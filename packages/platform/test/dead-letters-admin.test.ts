import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseDeadLetterSink, toCloudEvent } from '../src/index.js';
import type { HttpApp } from '../src/http/server.js';
import { createTestApp, createTestPlatform, testTenant, type TestPlatform, type TestTenant } from '../src/testing/index.js';

describe('dead-letter admin API across tenants', () => {
  let platform: TestPlatform;
  let app: HttpApp;
  let adminA: TestTenant;
  let adminB: TestTenant;

  beforeAll(async () => {
    platform = await createTestPlatform();
    app = await createTestApp(platform);
    adminA = await testTenant(platform, ['tenant_admin']);
    adminB = await testTenant(platform, ['tenant_admin']);
    const sink = new DatabaseDeadLetterSink(platform.db, platform.metrics);
    for (const [tenant, count] of [[adminA.tenantId, 2], [adminB.tenantId, 1]] as const) {
      for (let i = 0; i < count; i++) {
        const event = toCloudEvent({ name: 'admin_test.thing.failed', data: { i } }, { tenantId: tenant });
        await sink.record({ durable: 'admin-test', subject: 'x.admin_test.thing.failed', event, deliveries: 5, error: 'boom' });
      }
    }
  });
  afterAll(async () => {
    await app.close();
    await platform.cleanup();
  });

  const list = async (authorization: string) => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/admin/dead-letters', headers: { authorization } });
    expect(response.statusCode).toBe(200);
    return (response.json() as { items: Array<{ tenantId: string | null; id: number }> }).items;
  };

  it('shows a tenant admin only their own tenant\'s dead letters', async () => {
    expect((await list(adminA.authorization)).map((d) => d.tenantId)).toEqual([adminA.tenantId, adminA.tenantId]);
    expect((await list(adminB.authorization)).map((d) => d.tenantId)).toEqual([adminB.tenantId]);
  });

  it('shows a platform admin every tenant\'s', async () => {
    const operator = await testTenant(platform, ['platform_admin']);
    const tenants = (await list(operator.authorization)).map((d) => d.tenantId);
    expect(tenants.filter((t) => t === adminA.tenantId)).toHaveLength(2);
    expect(tenants.filter((t) => t === adminB.tenantId)).toHaveLength(1);
  });

  it('does not let a tenant admin discard dead letters, theirs or another tenant\'s', async () => {
    const [ofB] = await list(adminB.authorization);
    const response = await app.inject({ method: 'DELETE', url: `/api/v1/admin/dead-letters/${ofB?.id}`, headers: { authorization: adminA.authorization } });
    expect(response.statusCode).toBe(403);
    expect(await list(adminB.authorization)).toHaveLength(1);
  });
});
