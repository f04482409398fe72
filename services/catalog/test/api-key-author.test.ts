import { randomUUID } from 'node:crypto';
import type { HttpApp, ServiceModule } from '@tessera/platform';
import { createTestApp, createTestPlatform, testTenant, type TestPlatform } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogPermissions, catalogService } from '../src/index.js';

/**
 * An integration's API key acts for its tenant, not for a person: it has no user id to record as author or
 * reviewer. These are the catalog's authoring and review steps taken with one (a stand-in verifier issues the
 * same principal identity's API keys do), which must work — or be refused — but never answer 500.
 */
const KEY = 'tsk_catalog-test-key';
let platform: TestPlatform;
let app: HttpApp;
let tenantId: string;

beforeAll(async () => {
  platform = await createTestPlatform([catalogService]);
  tenantId = (await testTenant(platform)).tenantId;
  const keys: ServiceModule = {
    name: 'keys',
    credentials: () => [{
      prefix: 'tsk_',
      verify: async (credential) => {
        if (credential !== KEY) throw new Error('unknown key');
        return {
          kind: 'api_key', subject: `apikey:${randomUUID()}`, tenantId, roles: [], tokenId: undefined,
          expiresAt: Math.floor(Date.now() / 1000) + 600,
          scopes: [CatalogPermissions.read, CatalogPermissions.author, CatalogPermissions.review, CatalogPermissions.manageAll],
        };
      },
    }],
  };
  app = await createTestApp(platform, [catalogService, keys]);
});

afterAll(async () => {
  await app?.close();
  await platform?.cleanup();
});

async function call(method: 'GET' | 'POST', url: string, body?: object, etag?: string) {
  return app.inject({
    method, url: `/api/v1${url}`,
    headers: { authorization: `Bearer ${KEY}`, ...(etag ? { 'if-match': etag } : {}) },
    ...(body ? { payload: body } : {}),
  });
}

describe('catalog authoring with an API key', () => {
  it('creates, lists, submits, rejects and archives a course with no author recorded', async () => {
    const created = await call('POST', '/courses', { title: 'Imported course' });
    expect(created.statusCode, created.body).toBe(201);
    const course = created.json<{ id: string; instructors: string[] }>();
    expect(course.instructors).toEqual([]);

    const drafts = await call('GET', '/courses?view=draft');
    expect(drafts.statusCode, drafts.body).toBe(200);

    const submitted = await call('POST', `/courses/${course.id}/review`, undefined, created.headers.etag as string);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const rejected = await call('POST', `/courses/${course.id}/review/reject`, { comment: 'Needs lessons' }, submitted.headers.etag as string);
    expect(rejected.statusCode, rejected.body).toBe(200);
    const publish = await call('POST', `/courses/${course.id}/publish`, undefined, rejected.headers.etag as string);
    expect(publish.statusCode, publish.body).toBe(422);
    const archived = await call('POST', `/courses/${course.id}/archive`, undefined, rejected.headers.etag as string);
    expect(archived.statusCode, archived.body).toBeLessThan(500);
  });
});
