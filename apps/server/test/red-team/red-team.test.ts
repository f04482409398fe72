import { randomUUID } from 'node:crypto';
import type { HttpApp, Subscription } from '@tessera/platform';
import { createTestApp, createTestPlatform, type TestPlatform } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allServices } from '../../src/services.js';
import { apiOf, bearer, type Api } from './api.js';
import { takeExam } from './assessment-seed.js';
import { attacks } from './attacks.js';
import { listen } from './live.js';
import { attemptMarkers, findLeaks, markersOf, type Marker } from './markers.js';
import { startOidcStub, type OidcStub } from './oidc-stub.js';
import { documentedOperations, type Operation } from './operations.js';
import { probe, type ProbeResult } from './probe.js';
import { checkRowLevelSecurity } from './rls.js';
import { ensureSignedIn, seedWorld, type World } from './seed.js';

/**
 * The cross-tenant red team (a release gate): every documented operation × every attack, as tenant B, with
 * forged or no credentials, and as A's student against another student, must get 401/403/404 where it names
 * A's objects and never any of A's data (event streams included: read up to their first event); results
 * pushed live must reach only their student; then the database itself must hide A's rows from B and from no tenant.
 */
describe('red team: tenant isolation', () => {
  let platform: TestPlatform;
  let app: HttpApp;
  let api: Api;
  let oidc: OidcStub;
  let world: World;
  let markers: Marker[];
  let operations: Operation[];
  let subscriptions: Subscription[] = [];

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
    // The worker side too: enrollment learns of A's courses only from catalog's events.
    const registrations = allServices.flatMap((module) => module.consumers?.(platform) ?? []);
    subscriptions = await Promise.all(registrations.map(({ spec, handler }) => platform.bus.subscribe(spec, handler)));
    platform.relay.start();
    api = apiOf(app);
    oidc = await startOidcStub();
    world = await seedWorld(api, platform, allServices, oidc.issuer);
    markers = markersOf(world.a);
    operations = await documentedOperations(app);
    // Seeding two tenants' worlds through the API (courses, exams, purchases, payouts) takes a minute or more
    // when the rest of the suite runs beside it on two cores.
  }, 240_000);

  afterAll(async () => {
    await Promise.all(subscriptions.map((subscription) => subscription.drain()));
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

  it('the public catalog lists A\'s public course, by design, and none of A\'s tenant-only or unlisted courses', async () => {
    const { publicCourse, course, unlistedCourse } = world.a.learning;
    const shown = markers.filter((marker) => marker.sensitivity !== 'public' && !marker.listed);
    const read = async (url: string, status: number) => {
      const response = await api({ method: 'GET', url });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
      // A 404 may repeat the id it was asked about (the url): that tells nothing new.
      expect(findLeaks(response.body, url, shown).map((leak) => `${url}: ${leak.marker.what}`)).toEqual([]);
      return response.body;
    };
    // Not vacuous: the public course is there, with its content.
    expect(await read('/api/v1/public/courses?limit=100', 200)).toContain(publicCourse.id);
    expect(await read(`/api/v1/public/courses/${publicCourse.id}`, 200)).toContain(publicCourse.text);
    expect(await read(`/api/v1/public/search?limit=50&q=${encodeURIComponent(publicCourse.title)}`, 200)).toContain(publicCourse.id);
    for (const hidden of [course, unlistedCourse]) {
      await read(`/api/v1/public/courses/${hidden.id}`, 404);
      await read(`/api/v1/public/search?limit=50&q=${encodeURIComponent(hidden.title)}`, 200);
      await read(`/api/v1/public/search?limit=50&q=${encodeURIComponent(hidden.text)}`, 200);
    }
    await read('/api/v1/public/search?limit=50&q=course', 200);
  });

  it('B\'s members cannot read or enroll in A\'s public course through their own tenant', async () => {
    // The public catalog hands B the course's id: the tenant routes must still not know it.
    const courseId = world.a.learning.publicCourse.id;
    for (const user of [world.b.student, world.b.admin]) {
      await ensureSignedIn(api, user);
      for (const request of [
        { method: 'GET', url: `/api/v1/courses/${courseId}` },
        { method: 'GET', url: `/api/v1/courses/${courseId}/structure` },
        { method: 'POST', url: `/api/v1/courses/${courseId}/enroll`, body: {} },
      ]) {
        const response = await api({ ...request, headers: { ...bearer(user.accessToken), 'idempotency-key': `red-team-${randomUUID()}` } });
        expect(response.statusCode, `${request.method} ${request.url}: ${response.body}`).toBe(404);
      }
    }
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
  }, 180_000);

  it('results pushed live reach only their student: B\'s stream carries nothing of A\'s grading', async () => {
    const stream = '/api/v1/me/results/stream';
    const ofA = await listen(app, stream, bearer(world.a.classmate.accessToken));
    const ofB = await listen(app, stream, bearer(world.b.classmate.accessToken));
    try {
      expect([ofA.status, ofB.status]).toEqual([200, 200]);
      await ofA.readUntil((text) => text.includes('event: ready'));
      await ofB.readUntil((text) => text.includes('event: ready'));
      // A's grading is announced first (A's stream hears it), then B's: were topics crossed, A's would come before B's own.
      const { a, b } = world;
      const attemptOfA = await takeExam(api, a.classmate, a.instructor, a.learning.assessment.exam.id, a.label);
      expect(await ofA.readUntil((text) => text.includes(attemptOfA.id))).toContain('event: submission.graded');
      const attemptOfB = await takeExam(api, b.classmate, b.instructor, b.learning.assessment.exam.id, b.label);
      const heardByB = await ofB.readUntil((text) => text.includes(attemptOfB.id));
      expect(findLeaks(heardByB, '', [...markers, ...attemptMarkers(attemptOfA, 'classmate')]).map((leak) => leak.marker.what)).toEqual([]);
    } finally {
      ofA.close();
      ofB.close();
    }
  }, 60_000);

  it('the database hides A\'s rows with no tenant set or with tenant B set', async () => {
    const report = await checkRowLevelSecurity(platform.db, world.a.id, world.b.id);
    const names = report.tables.map((table) => `${table.schema}.${table.table}`).join(', ');
    console.log(`red team db: ${report.tables.length} tenant tables (${names}), A has rows in ${report.tablesWithRowsOfA.length}, ${report.violations.length} violations`);
    expect(report.violations).toEqual([]);
    // Not vacuous: the tables the seed wrote to through the API are among those checked.
    expect(report.tablesWithRowsOfA).toEqual(expect.arrayContaining([
      'identity.users', 'identity.sessions', 'identity.api_keys', 'example.pings',
      'catalog.courses', 'catalog.course_versions', 'catalog.lessons', 'catalog.blocks', 'catalog.skills', 'catalog.items', 'catalog.media',
      'catalog.search_documents', 'enrollment.courses', 'enrollment.enrollments', 'enrollment.lesson_progress',
      'assessment.item_versions', 'assessment.items', 'assessment.enrollments', 'assessment.exams', 'assessment.exam_versions',
      'assessment.accommodations', 'assessment.attempts', 'assessment.answers', 'assessment.submissions', 'assessment.manual_grades',
      'notify.notifications',
    ]));
    // Three queries per table over some 75 tables: a loaded CI machine needs more than the default 30 s.
  }, 120_000);
});

function describeFailure(result: ProbeResult): string {
  return `${result.operation.method} ${result.operation.path} — ${result.attack.name}: ${result.status}, ${result.failure ?? ''}`;
}
