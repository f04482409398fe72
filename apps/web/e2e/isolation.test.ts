import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, DESKTOP, Journey, openPage, signIn } from './support/browser.js';
import { DEMO_PASSWORD, demo } from './support/demo.js';
import { eventually } from './support/eventually.js';
import { browserSuite } from './support/suite.js';

const RIVAL = { tenant: 'rival', email: 'head@rival.tessera.localhost', password: 'rival-college-2026', name: 'Rita Rival' };
const DEMO_COURSE_TITLE = 'Getting started with Tessera';

/** What the demo tenant holds, looked up through its own users so the test knows it exists. */
interface DemoData {
  courseId: string;
  examId: string;
  examTitle: string;
  user: { id: string; name: string; email: string };
}

describe.skipIf(!browserAvailable)('tenant isolation in the browser', () => {
  const suite = browserSuite();

  it('a user of another tenant sees none of it', async () => {
    const seen = await demoData(suite.server.url);
    const invitationPath = await createRivalTenant(suite.server.url);

    const { context, page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('isolation', page);
    await acceptInvitation(page, suite.server.url + invitationPath, journey);
    await giveRivalEveryRole(suite.server.url);
    await expectApiRefuses(suite.server.url, seen);

    await signIn(page, suite.server.url, RIVAL);
    await page.waitForURL(/\/learn$/);
    await journey.screen('rival-home');
    expect(await page.getByText(DEMO_COURSE_TITLE).count()).toBe(0);

    await page.goto(`${suite.server.url}/learn/catalog?q=${encodeURIComponent(DEMO_COURSE_TITLE)}`);
    await eventually(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await journey.screen('catalog-search');
    // The search box and the empty state repeat the query; a result would be a link or a heading.
    expect(await page.getByRole('link', { name: DEMO_COURSE_TITLE }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: DEMO_COURSE_TITLE }).count()).toBe(0);

    await expectNotFound(page, journey, `/learn/courses/${seen.courseId}`, 'course-deep-link', [DEMO_COURSE_TITLE]);
    await expectNotFound(page, journey, `/learn/exams/${seen.examId}?course=${seen.courseId}`, 'exam-deep-link', [seen.examTitle]);
    await expectNotFound(page, journey, `/teach/courses/${seen.courseId}`, 'teach-course-deep-link', [DEMO_COURSE_TITLE]);
    await expectNotFound(page, journey, `/admin/users/${seen.user.id}`, 'user-deep-link', [seen.user.name, seen.user.email]);

    await page.goto(`${suite.server.url}/admin/users`);
    await eventually(() => page.getByRole('link', { name: RIVAL.name }).count()).toBe(1);
    await journey.screen('rival-users');
    expect(await page.getByText(/@demo\.tessera\.localhost/).count()).toBe(0);

    await page.goto(`${suite.server.url}/learn/grades`);
    await eventually(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await journey.screen('rival-grades');
    expect(await page.getByText(seen.examTitle).count()).toBe(0);
    expect(await page.getByText(DEMO_COURSE_TITLE).count()).toBe(0);

    expect(journey.findings).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

/**
 * A deep link to another tenant's record: the page shows a problem (the API answered 404) or the app's
 * "no page" message, and neither the page nor any API answer it received holds the record's data.
 */
async function expectNotFound(page: Page, journey: Journey, path: string, screen: string, secrets: string[]): Promise<void> {
  const answers: Array<Promise<{ status: number; body: string }>> = [];
  const listen = (response: Response) => {
    // An event stream's body never ends (the bell's notifications): it carries only the user's own notices,
    // which the red team's live-stream checks cover.
    if ((response.headers()['content-type'] ?? '').includes('text/event-stream')) return;
    if (response.url().includes('/api/v1/')) answers.push(response.text().then((body) => ({ status: response.status(), body }), () => ({ status: response.status(), body: '' })));
  };
  page.on('response', listen);
  await page.goto(`${new URL(page.url()).origin}${path}`);
  const problem = page.getByRole('alert').or(page.getByText('There is no page at this address.'));
  await eventually(() => problem.count()).toBeGreaterThan(0);
  await journey.screen(screen);
  page.off('response', listen);
  const received = await Promise.all(answers);
  const noSuchPage = (await page.getByText('There is no page at this address.').count()) > 0;
  expect(noSuchPage || received.some((answer) => answer.status === 404)).toBe(true);
  for (const secret of secrets) {
    expect(await page.getByText(secret).count()).toBe(0);
    expect(received.filter((answer) => answer.body.includes(secret))).toEqual([]);
  }
}

async function acceptInvitation(page: Page, link: string, journey: Journey): Promise<void> {
  // The emailed link is `/#/accept-invitation?token=…`: the app turns it into its route.
  await page.goto(link);
  await page.waitForURL(/\/accept-invitation\?token=/);
  await eventually(() => page.getByRole('heading', { name: 'Accept your invitation' }).count()).toBe(1);
  await journey.screen('accept-invitation');
  await page.getByLabel('New password', { exact: true }).fill(RIVAL.password);
  await page.getByLabel('Repeat the new password').fill(RIVAL.password);
  await page.getByRole('button', { name: 'Accept and create my account' }).click();
  await eventually(() => page.getByText('Your account is ready.', { exact: false }).count()).toBe(1);
  await journey.screen('invitation-accepted');
}

async function demoData(baseUrl: string): Promise<DemoData> {
  const admin = await tokenOf(baseUrl, demo.admin);
  const courses = await call<{ items: Array<{ id: string; title: string }> }>(baseUrl, 'GET', '/courses?limit=50', admin);
  const course = courses.items.find((item) => item.title === DEMO_COURSE_TITLE);
  if (!course) throw new Error('the demo course is missing');
  // The seed publishes the demo quiz once the course's questions are published, shortly after start.
  let exam: { id: string; title: string } | undefined;
  await eventually(async () => {
    exam = (await call<{ items: Array<{ id: string; title: string }> }>(baseUrl, 'GET', `/courses/${course.id}/exams?limit=10`, admin)).items[0];
    return exam !== undefined;
  }, { timeout: 30_000, interval: 500 }).toBe(true);
  if (!exam) throw new Error('the demo quiz is missing');
  const users = await call<{ items: Array<{ id: string; name: string; email: string }> }>(baseUrl, 'GET', '/users?limit=5&q=student2', admin);
  const user = users.items[0];
  if (!user) throw new Error('the demo student is missing');
  // The demo tenant's own student finds the course: the search below finding nothing is isolation, not an empty index.
  const student = await tokenOf(baseUrl, demo.student);
  const found = await call<{ items: Array<{ title: string }> }>(baseUrl, 'GET', `/search?q=${encodeURIComponent(DEMO_COURSE_TITLE)}`, student);
  expect(found.items.map((item) => item.title)).toContain(DEMO_COURSE_TITLE);
  return { courseId: course.id, examId: exam.id, examTitle: exam.title, user };
}

/** The platform admin creates the tenant with its first admin, whose invitation email holds the link. */
async function createRivalTenant(baseUrl: string): Promise<string> {
  const platform = await tokenOf(baseUrl, demo.platformAdmin);
  await call(baseUrl, 'POST', '/platform/tenants', platform, { slug: RIVAL.tenant, name: 'Rival College', tier: 'standard', admin: { email: RIVAL.email, name: RIVAL.name } });
  const mail = await call<{ items: Array<{ id: string; to: string; category: string | null }> }>(baseUrl, 'GET', '/admin/mail?limit=20', platform);
  const invitation = mail.items.find((item) => item.to === RIVAL.email && item.category === 'identity.invitation');
  if (!invitation) throw new Error('no invitation email was sent');
  const raw = await fetch(`${baseUrl}/api/v1/admin/mail/${encodeURIComponent(invitation.id)}`, { headers: { authorization: `Bearer ${platform}` } });
  const text = decodeQuotedPrintable(await raw.text());
  const link = /\/#\/accept-invitation\?token=[A-Za-z0-9._-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no invitation link in:\n${text}`);
  return link;
}

async function giveRivalEveryRole(baseUrl: string): Promise<void> {
  const token = await tokenOf(baseUrl, RIVAL);
  const me = await call<{ id: string }>(baseUrl, 'GET', '/me', token);
  const user = await fetch(`${baseUrl}/api/v1/users/${me.id}`, { headers: { authorization: `Bearer ${token}` } });
  await call(baseUrl, 'PATCH', `/users/${me.id}`, token, { roles: ['tenant_admin', 'student', 'instructor'] }, { 'if-match': user.headers.get('etag') ?? '' });
}

/** Behind the screens, the API answers every read of the demo tenant's records with 404, as if they did not exist. */
async function expectApiRefuses(baseUrl: string, seen: DemoData): Promise<void> {
  const token = await tokenOf(baseUrl, RIVAL);
  const reads: Array<[string, string]> = [
    ['GET', `/courses/${seen.courseId}`],
    ['GET', `/courses/${seen.courseId}/exams`],
    ['GET', `/courses/${seen.courseId}/gradebook`],
    ['GET', `/exams/${seen.examId}`],
    ['POST', `/exams/${seen.examId}/attempts`],
    ['GET', `/users/${seen.user.id}`],
  ];
  for (const [method, path] of reads) {
    const response = await fetch(`${baseUrl}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
  }
}

async function tokenOf(baseUrl: string, account: { tenant: string; email: string; password?: string }): Promise<string> {
  const answer = await call<{ tokens: { accessToken: string } }>(baseUrl, 'POST', '/auth/sign-in', undefined, { tenant: account.tenant, email: account.email, password: account.password ?? DEMO_PASSWORD });
  return answer.tokens.accessToken;
}

async function call<T = unknown>(baseUrl: string, method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
