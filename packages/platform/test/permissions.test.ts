import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Permissions, type ServiceModule } from '../src/index.js';
import { createTestApp, createTestPlatform, testTenant, type TestPlatform } from '../src/testing/index.js';

const reportsModule: ServiceModule = {
  name: 'reports',
  permissions: { 'reports.read': ['instructor', 'tenant_admin'], 'reports.publish': ['tenant_admin'] },
  async routes(app) {
    app.get('/reports', { config: { permission: 'reports.read' } }, async () => ({ ok: true }));
    app.post('/reports', { config: { permission: 'reports.publish' } }, async () => ({ ok: true }));
    app.get('/reports/mine', { config: { permission: 'authenticated' } }, async () => ({ ok: true }));
    app.get('/reports/open', { config: { permission: 'public' } }, async () => ({ ok: true }));
  },
};

describe('the permission model', () => {
  it('derives the permissions of a set of roles from every grant', () => {
    const permissions = new Permissions([{ 'a.read': ['student', 'tenant_admin'] }, { 'b.write': ['tenant_admin'] }]);
    expect([...permissions.ofRoles(['student'])]).toEqual(['a.read']);
    expect([...permissions.ofRoles(['tenant_admin', 'student'])].sort()).toEqual(['a.read', 'b.write']);
    expect([...permissions.ofRoles(['nobody'])]).toEqual([]);
    expect(permissions.all()).toEqual(['a.read', 'b.write']);
    expect(permissions.isKnown('authenticated')).toBe(true);
    expect(permissions.isKnown('c.delete')).toBe(false);
  });

  describe('on routes', () => {
    let platform: TestPlatform;

    beforeAll(async () => {
      platform = await createTestPlatform();
    });
    afterAll(async () => {
      await platform.cleanup();
    });

    it('refuses to start an app with an API route that names no permission', async () => {
      const careless: ServiceModule = { name: 'careless', async routes(app) { app.get('/careless', async () => ({})); } };
      await expect(createTestApp(platform, [careless])).rejects.toThrow('Route GET /api/v1/careless declares no permission');
    });

    it('refuses to start an app with a route that needs a permission nobody declared', async () => {
      const typo: ServiceModule = { name: 'typo', async routes(app) { app.get('/typo', { config: { permission: 'typo.raed' } }, async () => ({})); } };
      await expect(createTestApp(platform, [typo])).rejects.toThrow('undeclared permission "typo.raed"');
    });

    it('lets each role do what its grants allow, any caller reach `authenticated` routes, and anyone `public` ones', async () => {
      const app = await createTestApp(platform, [reportsModule]);
      try {
        const student = await testTenant(platform, ['student']);
        const instructor = await testTenant(platform, ['instructor']);
        const admin = await testTenant(platform, ['tenant_admin']);
        const call = (method: 'GET' | 'POST', url: string, authorization?: string) =>
          app.inject({ method, url, headers: authorization ? { authorization } : {} });
        expect((await call('GET', '/api/v1/reports', student.authorization)).statusCode).toBe(403);
        expect((await call('GET', '/api/v1/reports', instructor.authorization)).statusCode).toBe(200);
        expect((await call('POST', '/api/v1/reports', instructor.authorization)).statusCode).toBe(403);
        expect((await call('POST', '/api/v1/reports', admin.authorization)).statusCode).toBe(200);
        expect((await call('GET', '/api/v1/reports/mine', student.authorization)).statusCode).toBe(200);
        expect((await call('GET', '/api/v1/reports/mine')).statusCode).toBe(401);
        expect((await call('GET', '/api/v1/reports/open')).statusCode).toBe(200);
        const denied = await call('GET', '/api/v1/reports', student.authorization);
        expect(denied.json()).toMatchObject({ type: '/problems/forbidden', code: 'AUTH.PERMISSION_REQUIRED' });
      } finally {
        await app.close();
      }
    });
  });
});
