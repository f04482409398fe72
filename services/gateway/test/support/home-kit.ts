import { randomBytes, randomUUID } from 'node:crypto';
import { adaptiveService } from '@tessera/adaptive';
import { assessmentService } from '@tessera/assessment';
import { catalogService } from '@tessera/catalog';
import { enrollmentService } from '@tessera/enrollment';
import { DEMO_PASSWORD, demoAccounts, identityService } from '@tessera/identity';
import type { HttpApp, ServiceModule, Subscription } from '@tessera/platform';
import { createTestApp, createTestPlatform, type TestPlatform } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { gatewayService } from '../../src/index.js';

/** The services the home screen reads, and the gateway. */
export const homeServices: ServiceModule[] = [identityService, catalogService, enrollmentService, assessmentService, adaptiveService, gatewayService];

/** A person signed in through identity. */
export interface Person {
  id: string;
  email: string;
  name: string;
  token: string;
}

export interface Institution {
  id: string;
  slug: string;
  admin: Person;
}

export interface PublishedCourse {
  id: string;
  title: string;
  lessonIds: string[];
}

const tag = () => randomBytes(4).toString('hex');
const POLL = { attempts: 800, intervalMs: 25 };
const pause = () => new Promise((resolve) => setTimeout(resolve, POLL.intervalMs));

/**
 * Identity, catalog, enrollment, assessment and the gateway over one test platform, with their consumers and
 * the relay running: everything is made through the public API, as each service's users would.
 */
export class HomeKit {
  private platformAdmin: Person | undefined;

  private constructor(readonly platform: TestPlatform, readonly app: HttpApp, private readonly subscriptions: Subscription[]) {}

  static async start(): Promise<HomeKit> {
    const platform = await createTestPlatform(homeServices, { PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_ITERATIONS: '1' });
    const app = await createTestApp(platform, homeServices);
    const registrations = homeServices.flatMap((module) => module.consumers?.(platform) ?? []);
    const subscriptions = await Promise.all(registrations.map(({ spec, handler }) => platform.bus.subscribe(spec, handler)));
    platform.relay.start();
    // The demo seed is the supported way to get the first platform admin.
    await identityService.seedDemo?.(platform);
    return new HomeKit(platform, app, subscriptions);
  }

  async close(): Promise<void> {
    await Promise.all(this.subscriptions.map((subscription) => subscription.drain()));
    await this.app.close();
    await this.platform.cleanup();
  }

  /** Sends a JSON request to `app` (this kit's by default) with `token` as the bearer credential. */
  request(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; app?: HttpApp } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return (options.app ?? this.app).inject({
      method: method as 'GET', url, headers, ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) }),
    });
  }

  /** Sends a request and fails unless it answers `status`; returns the JSON body. */
  async ok<T>(method: string, url: string, status: number, options: Parameters<HomeKit['request']>[2] = {}): Promise<{ body: T; response: LightMyRequestResponse }> {
    const response = await this.request(method, url, options);
    if (response.statusCode !== status) throw new Error(`${method} ${url} answered ${response.statusCode}, expected ${status}: ${response.body.slice(0, 500)}`);
    return { body: (response.body ? response.json() : undefined) as T, response };
  }

  /** Repeats a request (bounded) until it answers `status` and `done` holds: for what the services learn from events. */
  async until<T>(method: string, url: string, status: number, options: Parameters<HomeKit['request']>[2] = {}, done: (body: T) => boolean = () => true): Promise<T> {
    let last = '';
    for (let attempt = 0; attempt < POLL.attempts; attempt++) {
      const response = await this.request(method, url, options);
      if (response.statusCode === status && done(response.json<T>())) return response.json<T>();
      last = `${response.statusCode} ${response.body.slice(0, 300)}`;
      await pause();
    }
    throw new Error(`${method} ${url} never answered ${status}; last ${last}`);
  }

  /** A new standard tenant created by the platform admin, with its first admin signed in. */
  async institution(): Promise<Institution> {
    const admin = await this.signInPlatformAdmin();
    const slug = `home-${tag()}`;
    const invited = { email: `admin-${tag()}@home.test`, name: `Admin ${tag()}` };
    const { body } = await this.ok<{ id: string }>('POST', '/api/v1/platform/tenants', 201, {
      token: admin.token, body: { slug, name: `University ${tag()}`, tier: 'standard', admin: invited },
    });
    return { id: body.id, slug, admin: await this.join(slug, invited) };
  }

  /** A member of the institution with `role`, invited by its admin, who accepted and signed in. */
  async member(institution: Institution, role: 'student' | 'instructor', name = `${role} ${tag()}`): Promise<Person> {
    const invited = { email: `${role}-${tag()}@home.test`, name };
    await this.ok('POST', '/api/v1/users/invitations', 201, { token: institution.admin.token, body: { ...invited, roles: [role] } });
    return this.join(institution.slug, invited);
  }

  /** A course of one module of `lessons` lessons, written by the instructor and published by the admin (a reviewer). */
  async course(institution: Institution, instructor: Person, title: string, lessons = 2): Promise<PublishedCourse> {
    const create = <T>(url: string, body: unknown) => this.ok<T>('POST', url, 201, { token: instructor.token, body }).then((r) => r.body);
    const course = await create<{ id: string }>('/api/v1/courses', { title, visibility: 'tenant', summary: `About ${title}` });
    const module = await create<{ id: string }>(`/api/v1/courses/${course.id}/modules`, { title: `Module of ${title}` });
    const lessonIds: string[] = [];
    for (let n = 1; n <= lessons; n++) {
      const lesson = await create<{ id: string }>(`/api/v1/modules/${module.id}/lessons`, { title: `Lesson ${n} of ${title}` });
      await create(`/api/v1/lessons/${lesson.id}/blocks`, { kind: 'rich_text', markdown: `Text ${n} of ${title}` });
      lessonIds.push(lesson.id);
    }
    const draft = await this.ok('GET', `/api/v1/courses/${course.id}?view=draft`, 200, { token: instructor.token });
    await this.ok('POST', `/api/v1/courses/${course.id}/publish`, 200, {
      token: institution.admin.token, body: {}, headers: { 'if-match': String(draft.response.headers.etag) },
    });
    return { id: course.id, title, lessonIds };
  }

  /** A published single-choice item of the bank (answer A is right). */
  async item(instructor: Person): Promise<string> {
    const { body } = await this.ok<{ id: string }>('POST', '/api/v1/items', 201, {
      token: instructor.token,
      body: { type: 'single_choice', title: `Item ${tag()}`, stem: '<p>Pick A</p>', options: [{ id: 'A', text: 'A', correct: true }, { id: 'B', text: 'B', correct: false }] },
    });
    await this.ok('POST', `/api/v1/items/${body.id}/publish`, 200, { token: instructor.token });
    return body.id;
  }

  /** An exam of the course from `itemId`; published unless `draft`. Waits until assessment knows the course and item. */
  async exam(instructor: Person, courseId: string, itemId: string, title: string, settings: Record<string, unknown>, draft = false): Promise<string> {
    const body = { title, category: 'exam', settings: { resultsRelease: 'immediately', ...settings }, sections: [{ kind: 'fixed', itemId, points: 1 }] };
    const exam = await this.until<{ id: string; version: number }>('POST', `/api/v1/courses/${courseId}/exams`, 201, { token: instructor.token, body });
    if (!draft) {
      await this.until('POST', `/api/v1/exams/${exam.id}/publish`, 200, { token: instructor.token, headers: { 'if-match': `"${exam.version}"` } });
    }
    return exam.id;
  }

  /** The student enrolls (once enrollment knows the course); returns the enrollment id. */
  async enroll(student: Person, courseId: string): Promise<string> {
    const enrollment = await this.until<{ id: string }>('POST', `/api/v1/courses/${courseId}/enroll`, 201, {
      token: student.token, body: {}, headers: { 'idempotency-key': `home-${randomUUID()}` },
    });
    return enrollment.id;
  }

  /** The student opens a lesson: it becomes their resume point. */
  async openLesson(student: Person, enrollmentId: string, lessonId: string): Promise<void> {
    await this.ok('POST', `/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/start`, 200, { token: student.token, body: { secondsSpent: 60 } });
  }

  /** The student takes the exam (once assessment knows the enrollment), answers rightly and submits; waits until graded. */
  async takeExam(student: Person, examId: string): Promise<{ attemptId: string; submissionId: string }> {
    const started = await this.until<{ id: string; slots: Array<{ slot: string }> }>('POST', `/api/v1/exams/${examId}/attempts`, 201, { token: student.token });
    const answers = started.slots.map((slot, index) => ({ slot: slot.slot, seq: index + 1, response: { type: 'single_choice', choice: 'A' } }));
    await this.ok('POST', `/api/v1/attempts/${started.id}/answers`, 202, { token: student.token, body: { answers } });
    const { body } = await this.ok<{ submissionId: string }>('POST', `/api/v1/attempts/${started.id}/submit`, 202, { token: student.token, body: { lastSeq: answers.length } });
    await this.until<{ status: string }>('GET', `/api/v1/attempts/${started.id}/submission`, 200, { token: student.token }, (submission) => submission.status === 'graded');
    return { attemptId: started.id, submissionId: body.submissionId };
  }

  /** An API key of the institution with the scopes a student holds. */
  async apiKey(institution: Institution): Promise<string> {
    const scopes = [...this.platform.permissions.ofRoles(['student'])].sort();
    const { body } = await this.ok<{ key: string }>('POST', '/api/v1/api-keys', 201, {
      token: institution.admin.token, body: { name: `Key ${tag()}`, scopes }, headers: { 'idempotency-key': `home-${randomUUID()}` },
    });
    return body.key;
  }

  private async signInPlatformAdmin(): Promise<Person> {
    if (this.platformAdmin) return this.platformAdmin;
    const account = demoAccounts.find((candidate) => candidate.roles.includes('platform_admin'));
    if (!account) throw new Error('The demo seed has no platform admin');
    this.platformAdmin = await this.signIn('platform', account.email, account.name, DEMO_PASSWORD);
    return this.platformAdmin;
  }

  /** Accepts the invitation mailed to `invited` and signs in. */
  private async join(slug: string, invited: { email: string; name: string }): Promise<Person> {
    const password = `home screen ${tag()} passphrase`;
    await this.ok('POST', '/api/v1/auth/invitations/accept', 200, { body: { token: await this.invitationToken(invited.email), password } });
    return this.signIn(slug, invited.email, invited.name, password);
  }

  private async signIn(slug: string, email: string, name: string, password: string): Promise<Person> {
    const { body } = await this.ok<{ status: string; tokens?: { accessToken: string; user: { id: string } } }>('POST', '/api/v1/auth/sign-in', 200, {
      body: { tenant: slug, email, password },
    });
    if (!body.tokens) throw new Error(`${email} was not signed in (${body.status})`);
    return { id: body.tokens.user.id, email, name, token: body.tokens.accessToken };
  }

  private async invitationToken(email: string): Promise<string> {
    const outbox = this.platform.mailer.outbox;
    if (!outbox) throw new Error('The mailer keeps no outbox');
    const mail = (await outbox.list({ limit: 100 })).find((candidate) => candidate.to.includes(email));
    const raw = mail ? await outbox.read(mail.id) : undefined;
    // Quoted-printable: soft line breaks and an encoded "=" would cut the token.
    const match = /token=([A-Za-z0-9._%-]+)/.exec((raw ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '='));
    if (!match?.[1]) throw new Error(`No invitation token mailed to ${email}`);
    return decodeURIComponent(match[1]);
  }
}
