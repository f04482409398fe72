import type { HttpApp } from '@tessera/platform';
import { createTestApp, createTestPlatform, type TestPlatform } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allServices } from '../../src/services.js';
import { apiOf, bearer, type Api } from './api.js';
import { attacks } from './attacks.js';
import { findLeaks, markersOf, type Marker } from './markers.js';
import { startOidcStub, type OidcStub } from './oidc-stub.js';
import { documentedOperations, type Operation } from './operations.js';
import { probe, type ProbeResult } from './probe.js';
import { checkRowLevelSecurity } from './rls.js';
import { seedWorld, type World } from './seed.js';

/**
 * The cross-tenant red team (a release gate): every documented operation × every attack, as tenant B, with
 * forged or no credentials, and as A's student against another student, must get 401/403/404 where it names
 * A's objects and never any of A's data; then the database itself must hide A's rows from B and from no tenant.
 */
describe('red team: tenant isolation', () => {
  let platform: TestPlatform;
  let app: HttpApp;
  let api: Api;
  let oidc: OidcStub;
  let world: World;
  let markers: Marker[];
  let operations: Operation[];

  beforeAll(async () => {
    platform = await createTestPlatform(allServices, {
      PASSWORD_HASH_MEMORY_KIB: '1024',
      PASSWORD_HASH_ITERATIONS: '1',
      // The attackers send hundreds of requests a minute: budgets must not answer for the access checks.
      RATE_LIMIT_USER_PER_MINUTE: '1000000',
      RATE_LIMIT_TENANT_PER_MINUTE: '1000000',
      SIGN_IN_PER_IP_PER_MINUTE: '1000000',
    });
    app = await createTestApp(platform, allServices);
    api = apiOf(app);
    oidc = await startOidcStub();
    world = await seedWorld(api, platform, allServices, oidc.issuer);
    markers = markersOf(world.a);
    operations = await documentedOperations(app);
  });

  afterAll(async () => {
    await app?.close();
    await platform?.cleanup();
    await oidc?.close();
  });

  it('control: the leak check finds A\'s data where A may see it', async () => {
    const own = await api({ method: 'GET', url: `/api/v1/users/${world.a.classmate.id}`, headers: bearer(world.a.admin.accessToken) });
    expect(own.statusCode).toBe(200);
    const found = findLeaks(own.body, '', markers).map((leak) => leak.marker.what);
    expect(found).toEqual(expect.arrayContaining(['tenant id', 'classmate id', 'classmate email', 'classmate name']));
  });

  it('every documented operation refuses every attack and leaks none of A\'s data', async () => {
    const results: ProbeResult[] = [];
    for (const operation of operations) {
      for (const attack of attacks) results.push(await probe({ api, world, markers, permissions: platform.permissions }, operation, attack));
    }
    // A leak is any probe that broke isolation: a wrong status, a 5xx, or A's data in the answer.
    const failures = results.filter((result) => result.failure !== undefined);
    console.log(`red team: ${operations.length} routes × ${attacks.length} attacks = ${results.length} probes, ${failures.length} leaks`);
    const unnamed = [...new Set(results.flatMap((r) => r.unnamed.map((name) => `${r.operation.method} ${r.operation.path} {${name}}`)))];
    if (unnamed.length > 0) console.log(`red team: random ids (add a line to red-team/fixtures.ts): ${unnamed.join(', ')}`);
    expect(operations.length).toBeGreaterThan(0);
    expect(failures.map(describeFailure), 'leaks').toEqual([]);
  });

  it('the database hides A\'s rows with no tenant set or with tenant B set', async () => {
    const report = await checkRowLevelSecurity(platform.db, world.a.id, world.b.id);
    const names = report.tables.map((table) => `${table.schema}.${table.table}`).join(', ');
    console.log(`red team db: ${report.tables.length} tenant tables (${names}), A has rows in ${report.tablesWithRowsOfA.length}, ${report.violations.length} violations`);
    expect(report.violations).toEqual([]);
    // Not vacuous: the tables the seed wrote to through the API are among those checked.
    expect(report.tablesWithRowsOfA).toEqual(expect.arrayContaining(['identity.users', 'identity.sessions', 'identity.api_keys', 'example.pings']));
  });
});

function describeFailure(result: ProbeResult): string {
  return `${result.operation.method} ${result.operation.path} — ${result.attack.name}: ${result.status}, ${result.failure ?? ''}`;
}
