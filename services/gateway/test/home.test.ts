import { randomBytes } from 'node:crypto';
import { catalogService } from '@tessera/catalog';
import { enrollmentService } from '@tessera/enrollment';
import { identityService } from '@tessera/identity';
import { AUTHENTICATED, type HttpApp, type ServiceModule } from '@tessera/platform';
import { createTestApp } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayService, type Home, type HomeCourse, type RecentResult, type UpcomingExam } from '../src/index.js';
import { HomeKit, type Institution, type Person, type PublishedCourse } from './support/home-kit.js';

const DAY = 86_400_000;
const tag = () => randomBytes(3).toString('hex');
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

type Loaded<T> = Exclude<T, { error: unknown }>;
interface LoadedHome {
  profile: Loaded<Home['profile']>;
  courses: { items: HomeCourse[]; continue: HomeCourse | null; more: boolean };
  upcomingExams: { items: UpcomingExam[] };
  recentResults: { items: RecentResult[] };
  recommendations: Loaded<Home['recommendations']>;
}

describe('GET /api/v1/me/home', () => {
  let kit: HomeKit;
  let a: Institution;
  let sam: Person;
  let newcomer: Person;
  let algebra: PublishedCourse;
  let biology: PublishedCourse;
  const exams: Record<'midterm' | 'final' | 'closed' | 'draft' | 'lab', string> = { midterm: '', final: '', closed: '', draft: '', lab: '' };
  let submissionId = '';

  beforeAll(async () => {
    kit = await HomeKit.start();
    a = await kit.institution();
    const instructor = await kit.member(a, 'instructor');
    sam = await kit.member(a, 'student', 'Sam Student');
    newcomer = await kit.member(a, 'student');
    algebra = await kit.course(a, instructor, `Algebra ${tag()}`);
    biology = await kit.course(a, instructor, `Biology ${tag()}`);
    const item = await kit.item(instructor);
    exams.midterm = await kit.exam(instructor, algebra.id, item, 'Midterm', { closesAt: inDays(7), attemptsAllowed: 2 });
    exams.final = await kit.exam(instructor, algebra.id, item, 'Final', { opensAt: inDays(2), closesAt: inDays(3) });
    exams.closed = await kit.exam(instructor, algebra.id, item, 'Closed quiz', { opensAt: inDays(-2), closesAt: inDays(-1) });
    exams.draft = await kit.exam(instructor, algebra.id, item, 'Unpublished', {}, true);
    exams.lab = await kit.exam(instructor, biology.id, item, 'Lab quiz', { closesAt: inDays(1) });
    const inAlgebra = await kit.enroll(sam, algebra.id);
    await kit.enroll(sam, biology.id);
    await kit.openLesson(sam, inAlgebra, algebra.lessonIds[1] ?? '');
    submissionId = (await kit.takeExam(sam, exams.midterm)).submissionId;
  }, 180_000);

  afterAll(async () => {
    await kit?.close();
  });

  const home = (token: string | undefined, options: { app?: HttpApp; headers?: Record<string, string> } = {}) =>
    kit.request('GET', '/api/v1/me/home', { ...options, ...(token ? { token } : {}) });
  const loaded = (response: LightMyRequestResponse): LoadedHome => {
    expect(response.statusCode, response.body).toBe(200);
    return response.json<LoadedHome>();
  };

  it('gives an enrolled student every section in one call', async () => {
    const response = await home(sam.token);
    const body = loaded(response);
    expect(response.headers['cache-control']).toBe('private, no-store');
    // Notifications come with the notify service, which this build does not run.
    expect(Object.keys(body).sort()).toEqual(['courses', 'profile', 'recentResults', 'recommendations', 'upcomingExams']);
    // These courses teach no skills: nothing to practise is recommended (adaptive's own tests cover the rest).
    expect(body.recommendations).toEqual({ items: [], dueReviews: [] });

    expect(body.profile).toMatchObject({ id: sam.id, name: 'Sam Student', email: sam.email, roles: ['student'] });
    expect(body.profile.locale).toEqual(expect.any(String));
    expect(body.profile.timeZone).toEqual(expect.any(String));

    // Newest enrollment first; the one to continue is the course last touched, at the lesson opened last.
    expect(body.courses.items.map((course) => course.courseId)).toEqual([biology.id, algebra.id]);
    expect(body.courses.items[1]).toMatchObject({ title: algebra.title, status: 'active', totalLessons: 2, resumeLessonId: algebra.lessonIds[1] });
    expect(body.courses.continue).toMatchObject({ courseId: algebra.id, resumeLessonId: algebra.lessonIds[1] });
    expect(body.courses.more).toBe(false);

    // Open ones by closing time, then the one not yet open; the closed and the unpublished exams are left out.
    expect(body.upcomingExams.items.map((exam) => exam.examId)).toEqual([exams.lab, exams.midterm, exams.final]);
    expect(body.upcomingExams.items[1]).toMatchObject({
      title: 'Midterm', courseId: algebra.id, courseTitle: algebra.title, openNow: true, attemptsAllowed: 2, attemptsSubmitted: 1, category: 'exam',
    });
    expect(body.upcomingExams.items[2]).toMatchObject({ title: 'Final', openNow: false, attemptsSubmitted: 0 });

    expect(body.recentResults.items).toEqual([expect.objectContaining({
      submissionId, examId: exams.midterm, examTitle: 'Midterm', courseId: algebra.id, status: 'graded', released: true, score: 1, maxScore: 1, percent: 100,
    })]);
  });

  it('gives a new student their profile and empty lists', async () => {
    const body = loaded(await home(newcomer.token));
    expect(body.profile).toMatchObject({ id: newcomer.id, email: newcomer.email });
    expect(body.courses).toEqual({ items: [], continue: null, more: false });
    expect(body.upcomingExams).toEqual({ items: [] });
    expect(body.recentResults).toEqual({ items: [] });
  });

  it('shows a student of another tenant only their own tenant\'s data', async () => {
    const b = await kit.institution();
    const teacher = await kit.member(b, 'instructor');
    const student = await kit.member(b, 'student');
    const chemistry = await kit.course(b, teacher, `Chemistry ${tag()}`);
    const quiz = await kit.exam(teacher, chemistry.id, await kit.item(teacher), 'Chemistry quiz', { closesAt: inDays(5) });
    await kit.enroll(student, chemistry.id);

    const response = await home(student.token);
    const body = loaded(response);
    expect(body.profile.id).toBe(student.id);
    expect(body.courses.items.map((course) => course.courseId)).toEqual([chemistry.id]);
    expect(body.upcomingExams.items.map((exam) => exam.examId)).toEqual([quiz]);
    expect(body.recentResults.items).toEqual([]);
    for (const ofA of [a.id, sam.id, sam.email, algebra.id, algebra.title, biology.id, submissionId, ...Object.values(exams)]) {
      expect(response.body).not.toContain(ofA);
    }
    // B's credential on A's address is refused before any section is read.
    const onA = await home(student.token, { headers: { host: `${a.slug}.tessera.localhost` } });
    expect(onA.statusCode).toBe(401);
    // A's student on A's address: the address travels with every section's call.
    expect(loaded(await home(sam.token, { headers: { host: `${a.slug}.tessera.localhost` } })).courses.items).toHaveLength(2);
  }, 60_000);

  it('refuses a caller without credentials with a 401 problem', async () => {
    const response = await home(undefined);
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.json()).toMatchObject({ status: 401, type: '/problems/unauthorized' });
  });

  it('passes the profile\'s refusal through: an API key has no home', async () => {
    const response = await home(await kit.apiKey(a));
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 403, code: 'IDENTITY.USER_ONLY', instance: '/api/v1/me/home' });
  });

  it('shows a failing service as its section\'s error and the other sections as usual', async () => {
    // Assessment replaced by a stand-in whose exam lists fail and whose submissions never come in time (they wait
    // for the test to end). The gateway's timeout leaves the healthy services room on a loaded machine.
    let release = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    const failing: ServiceModule = {
      name: 'failing_assessment',
      async routes(app) {
        app.get('/courses/:courseId/exams', { config: { permission: AUTHENTICATED } }, async () => {
          throw new Error('the exam store is down');
        });
        app.get('/me/submissions', { config: { permission: AUTHENTICATED } }, async () => {
          await held;
          return { items: [] };
        });
      },
    };
    const app = await createTestApp(kit.platform, [identityService, catalogService, enrollmentService, createGatewayService({ upstreamTimeoutMs: 3_000 }), failing]);
    try {
      const response = await home(sam.token, { app });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<Home>();
      expect(body.profile).toMatchObject({ id: sam.id });
      expect(body.courses).toMatchObject({ items: [expect.objectContaining({ courseId: biology.id }), expect.objectContaining({ courseId: algebra.id })] });
      expect(body.upcomingExams).toEqual({ error: { status: 500, title: 'Something went wrong on our side' } });
      expect(body.recentResults).toEqual({ error: { status: 504, title: 'The service did not answer in time' } });
    } finally {
      release();
      await app.close();
    }
  });

  it('is documented with its response schema and permission', async () => {
    const spec = (await kit.request('GET', '/openapi.json')).json<{ paths: Record<string, { get?: Record<string, unknown> }> }>();
    const operation = spec.paths['/api/v1/me/home']?.get as { 'x-permission': string; description: string; responses: Record<string, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }> };
    expect(operation['x-permission']).toBe('authenticated');
    expect(operation.description).toMatch(/GET \/adaptive\/recommendations/);
    expect(Object.keys(operation.responses['200']?.content['application/json']?.schema.properties ?? {}).sort())
      .toEqual(['courses', 'profile', 'recentResults', 'recommendations', 'upcomingExams']);
  });
});
