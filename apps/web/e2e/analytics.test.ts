import { readFile } from 'node:fs/promises';
import type { Locator, Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, DESKTOP, Journey, openPage, signIn } from './support/browser.js';
import { demo } from './support/demo.js';
import { eventually } from './support/eventually.js';
import { browserSuite } from './support/suite.js';

/** The demo seed's tour course: the demo student is enrolled, its last lesson asks questions. */
const DEMO_COURSE_ID = '00000000-0000-4000-8000-00000000c001';
const DEMO_COURSE = 'Getting started with Tessera';
const QUESTION_LESSON = 'Check your understanding';
/** What the instructor's screen may take to show an answer: the tracker sends within 5 s, the screen asks every 5 s. */
const SHOWN_WITHIN_MS = 30_000;

type Account = { tenant: string; email: string; password: string };

async function tokenOf(baseUrl: string, account: Account): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  const body = (await response.json()) as { tokens?: { accessToken: string } };
  if (!body.tokens) throw new Error(`sign-in of ${account.email} failed (${response.status}): ${JSON.stringify(body)}`);
  return body.tokens.accessToken;
}

/**
 * Analytics learns of a published course from catalog's event, a moment after the seed: until then it refuses
 * events of the course (and the tracker drops a batch refused for good), so the journey waits for it first.
 */
async function analyticsKnowsCourse(baseUrl: string): Promise<void> {
  const token = await tokenOf(baseUrl, demo.instructor);
  const to = new Date();
  const from = new Date(to.getTime() - 60_000);
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), granularity: 'minute' });
  await eventually(async () => (await fetch(`${baseUrl}/api/v1/analytics/courses/${DEMO_COURSE_ID}/activity?${query.toString()}`, { headers: { authorization: `Bearer ${token}` } })).status,
    { timeout: 60_000, interval: 500 }).toBe(200);
}

/** Reloads until `target` shows: enrollment learns of the seeded course and student from events. */
async function reloadUntilVisible(page: Page, target: () => Locator, timeout = 60_000): Promise<void> {
  const giveUpAt = Date.now() + timeout;
  for (;;) {
    if (await target().first().waitFor({ state: 'visible', timeout: 2_500 }).then(() => true, () => false)) return;
    if (Date.now() > giveUpAt) throw new Error(`not shown within ${timeout} ms: ${target().toString()}`);
    await page.reload();
  }
}

/** The types of the learning events the page sent and the service accepted (202). */
function acceptedEventTypes(page: Page): Set<string> {
  const types = new Set<string>();
  page.on('response', (response: Response) => {
    const request = response.request();
    if (request.method() !== 'POST' || !response.url().endsWith('/api/v1/events') || response.status() !== 202) return;
    const body = request.postDataJSON() as { events: { type: string }[] };
    for (const event of body.events) types.add(event.type);
  });
  return types;
}

const figure = (page: Page, id: string) => page.getByTestId(`figure-${id}`).locator('dd');

describe.skipIf(!browserAvailable)('learning analytics in a browser', () => {
  const suite = browserSuite();

  it('a student answers a lesson\'s question; the instructor\'s course analytics show it within seconds', async () => {
    await analyticsKnowsCourse(suite.server.url);

    // The student opens the tour's question lesson and answers its first question.
    const student = await openPage(suite.browser, DESKTOP);
    const studentJourney = new Journey('analytics-student', student.page);
    const sent = acceptedEventTypes(student.page);
    await signIn(student.page, suite.server.url, demo.student);
    await student.page.goto(`${suite.server.url}/learn/courses/${DEMO_COURSE_ID}`);
    await reloadUntilVisible(student.page, () => student.page.getByRole('link', { name: QUESTION_LESSON, exact: true }));
    await student.page.getByRole('link', { name: QUESTION_LESSON, exact: true }).click();
    await eventually(() => student.page.getByRole('heading', { level: 1 }).textContent()).toBe(QUESTION_LESSON);
    await student.page.getByLabel('Modules').check();
    await student.page.getByRole('button', { name: 'Check question 1' }).click();
    await student.page.getByTestId('answer-feedback').waitFor({ timeout: 15_000 });
    await studentJourney.screen('lesson-answered');

    // Leaving the lesson ends its page view; both events reach the service within the tracker's five seconds.
    await student.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await student.page.getByRole('link', { name: 'My progress' }).click();
    await eventually(() => student.page.getByRole('heading', { level: 1 }).textContent()).toBe('My progress');
    await eventually(() => [...sent].sort(), { timeout: 20_000 }).toEqual(['item_attempt', 'page_view']);
    await reloadUntilVisible(student.page, () => student.page.getByTestId('my-course').filter({ hasText: DEMO_COURSE }), SHOWN_WITHIN_MS);
    await studentJourney.screen('my-progress');

    // The instructor's screen refreshes by itself until the answer shows in the hour's figures.
    const instructor = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('analytics-instructor', instructor.page);
    await signIn(instructor.page, suite.server.url, demo.instructor);
    await instructor.page.goto(`${suite.server.url}/teach/courses/${DEMO_COURSE_ID}/analytics`);
    await eventually(() => instructor.page.getByRole('heading', { level: 1 }).textContent()).toBe('Course analytics');
    await eventually(async () => Number(await figure(instructor.page, 'attempts').textContent()), { timeout: SHOWN_WITHIN_MS }).toBeGreaterThanOrEqual(1);
    expect(Number(await figure(instructor.page, 'events').textContent())).toBeGreaterThanOrEqual(2);
    expect(Number(await figure(instructor.page, 'active-users').textContent())).toBeGreaterThanOrEqual(1);
    expect(await figure(instructor.page, 'correct-rate').textContent()).toMatch(/^\d+%$/);
    expect(await instructor.page.getByRole('img', { name: 'Events per minute, newest first' }).count()).toBe(1);
    await journey.screen('course-analytics');

    // The hour as a CSV file.
    const [download] = await Promise.all([
      instructor.page.waitForEvent('download'),
      instructor.page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^course-activity-\d{4}-\d{2}-\d{2}-minute\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^start,events,active_users,/);

    for (const { errors } of [student, instructor]) expect(errors).toEqual([]);
    expect(studentJourney.findings).toEqual([]);
    expect(journey.findings).toEqual([]);
    await student.context.close();
    await instructor.context.close();
  }, 180_000);
});
