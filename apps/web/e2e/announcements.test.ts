import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserAvailable, DESKTOP, Journey, openPage, signIn } from './support/browser.js';
import { demo } from './support/demo.js';
import { eventually } from './support/eventually.js';
import { browserSuite } from './support/suite.js';

/** The demo seed's tour course: the demo student is enrolled, the demo instructor teaches it. */
const DEMO_COURSE_ID = '00000000-0000-4000-8000-00000000c001';
const TITLE = 'Office hours move to Thursday';

/** Reloads until `target` shows: notify learns of courses and enrollments from events, and sends on a 15-second job. */
async function reloadUntilVisible(page: Page, target: () => Locator, timeout = 90_000): Promise<void> {
  const giveUpAt = Date.now() + timeout;
  for (;;) {
    if (await target().first().waitFor({ state: 'visible', timeout: 2_500 }).then(() => true, () => false)) return;
    if (Date.now() > giveUpAt) throw new Error(`not shown within ${timeout} ms: ${target().toString()}`);
    await page.reload();
  }
}

describe.skipIf(!browserAvailable)('announcements in a browser', () => {
  const suite = browserSuite();

  it('an instructor previews and sends an announcement to a course, and the enrolled student reads it', async () => {
    const { page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('announcements-instructor', page);
    await signIn(page, suite.server.url, demo.instructor);
    // The course page links here for its staff; the seed's course has no staff of its own, so go straight there.
    await page.goto(`${suite.server.url}/teach/courses/${DEMO_COURSE_ID}/announcements`);
    await page.getByRole('heading', { name: 'Course announcements' }).waitFor();
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Message').fill('Same room, 14:00 to 16:00. Bring your questions on module 2.');

    // The preview counts the course's students (once notify has learnt of the enrollment) and shows the email.
    const preview = page.getByTestId('announcement-preview');
    const giveUpAt = Date.now() + 60_000;
    for (;;) {
      await page.getByRole('button', { name: 'Preview' }).click();
      await preview.waitFor({ state: 'visible', timeout: 10_000 });
      if (!(await preview.textContent())?.includes('reaches 0')) break;
      if (Date.now() > giveUpAt) throw new Error('the preview never counted the demo student');
      await page.waitForTimeout(1_000);
    }
    expect(await preview.textContent()).toMatch(/It reaches [1-9]\d* (person|people) now\./);
    expect(await preview.textContent()).toContain(TITLE);
    expect(await page.getByTestId('email-preview').textContent()).toContain('Bring your questions');
    await journey.screen('preview');

    await page.getByRole('button', { name: 'Send now' }).click();
    const listed = () => page.getByTestId('announcement-list').locator('li').filter({ hasText: TITLE });
    await listed().waitFor();
    await reloadUntilVisible(page, () => listed().filter({ hasText: 'Sent' }));
    await journey.screen('sent');

    const student = await openPage(suite.browser, DESKTOP);
    const studentJourney = new Journey('announcements-student', student.page);
    await signIn(student.page, suite.server.url, demo.student);
    await student.page.goto(`${suite.server.url}/notifications`);
    await reloadUntilVisible(student.page, () => student.page.getByText(TITLE));
    await studentJourney.screen('announcement-received');

    expect([...errors, ...student.errors]).toEqual([]);
    expect([...journey.findings, ...studentJourney.findings]).toEqual([]);
  }, 240_000);

  it('a tenant admin schedules an announcement to a role and cancels it before it goes out', async () => {
    const { page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('announcements-admin', page);
    await signIn(page, suite.server.url, demo.admin);
    await page.goto(`${suite.server.url}/admin/notifications/announcements`);
    await page.getByLabel('Send to').selectOption('instructor');
    await page.getByLabel('Title').fill('Grades are due Friday');
    await page.getByLabel('Message').fill('Please finish grading before Friday noon.');
    await page.getByLabel('Send later').check();
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Send at (your time)').fill(local);
    await page.getByRole('button', { name: 'Schedule' }).click();
    const listed = page.getByTestId('announcement-list').locator('li').filter({ hasText: 'Grades are due Friday' });
    await eventually(() => listed.textContent()).toContain('Scheduled');
    await journey.screen('scheduled');
    await listed.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel it' }).click();
    await eventually(() => listed.textContent()).toContain('Cancelled');
    await journey.screen('cancelled');

    // A time in the past is refused next to its field, and nothing is scheduled.
    await page.getByLabel('Title').fill('Too late');
    await page.getByLabel('Message').fill('x');
    await page.getByLabel('Send at (your time)').fill('2020-01-01T10:00');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText('must be between now and a year ahead').first().waitFor();
    expect(await page.getByTestId('announcement-list').locator('li').filter({ hasText: 'Too late' }).count()).toBe(0);

    expect(errors).toEqual([]);
    expect(journey.findings).toEqual([]);
  }, 120_000);
});
