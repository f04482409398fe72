import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { browserAvailable, DESKTOP, Journey, openPage, PHONE, signIn } from './support/browser.js';
import { demo } from './support/demo.js';
import { eventually } from './support/eventually.js';
import { browserSuite } from './support/suite.js';

/** The demo seed's tour course (the demo student is enrolled) and its quiz, graded as soon as it is submitted. */
const DEMO_COURSE_ID = '00000000-0000-4000-8000-00000000c001';
const DEMO_QUIZ = 'Check yourself: getting started';
const GRADED = `Graded: ${DEMO_QUIZ}`;

const bellOf = (page: Page) => page.getByTestId('notification-bell');
const panelOf = (page: Page) => page.getByRole('region', { name: 'Latest notifications' });
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The unread count the bell announces ("Notifications, 3 unread"), or null before the stream said it. */
async function unreadOf(page: Page): Promise<number | null> {
  const label = (await bellOf(page).getAttribute('aria-label')) ?? '';
  if (label.endsWith('none unread')) return 0;
  const count = /, (\d+) unread$/.exec(label)?.[1];
  return count === undefined ? null : Number(count);
}

/** Another tab of the same browser (same storage, so the same signed-in student), failing on any page error. */
async function openTab(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`second tab: ${error.message}`));
  return page;
}

/** Reloads until `target` shows: assessment publishes the demo quiz a moment after the demo seed ran. */
async function reloadUntilVisible(page: Page, target: () => Locator, timeout = 60_000): Promise<void> {
  const giveUpAt = Date.now() + timeout;
  for (;;) {
    if (await target().first().waitFor({ state: 'visible', timeout: 2_500 }).then(() => true, () => false)) return;
    if (Date.now() > giveUpAt) throw new Error(`not shown within ${timeout} ms: ${target().toString()}`);
    await page.reload();
  }
}

/** Takes the demo quiz in `page` and submits it (its questions as the student journey answers them). */
async function takeDemoQuiz(page: Page, baseUrl: string, journey: Journey): Promise<string> {
  await page.goto(`${baseUrl}/learn/courses/${DEMO_COURSE_ID}`);
  await reloadUntilVisible(page, () => page.getByRole('link', { name: `Take ${DEMO_QUIZ}` }));
  await page.getByRole('link', { name: `Take ${DEMO_QUIZ}` }).click();
  await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(DEMO_QUIZ);
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await page.waitForURL(/\/learn\/attempts\/[0-9a-f-]+$/);
  const attemptId = page.url().split('/').pop()!;
  await page.getByRole('textbox', { name: /How many lessons/ }).fill('3');
  await page.getByLabel('Modules').check();
  await page.getByLabel('True', { exact: true }).check();
  await page.getByLabel('Rich text').check();
  await page.getByLabel('Questions').check();
  await eventually(() => page.getByTestId('autosave').getAttribute('data-state')).toBe('saved');
  await journey.screen('quiz-answered');
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByRole('button', { name: 'Submit now' }).click();
  await page.getByText('Submission received.').waitFor({ timeout: 10_000 });
  return attemptId;
}

describe.skipIf(!browserAvailable)('notifications in a browser', () => {
  const suite = browserSuite();

  it('a student with two tabs sees a graded quiz arrive live in the other tab, opens it, and keeps a changed preference', async () => {
    const { context, page: quizTab, errors } = await openPage(suite.browser, DESKTOP);
    const quizJourney = new Journey('notifications-quiz-tab', quizTab);
    await signIn(quizTab, suite.server.url, demo.student);
    await quizTab.waitForURL(/\/learn$/);

    // The second tab: the same student (one browser, one storage), on their home page.
    const bellTab = await openTab(context, errors);
    const journey = new Journey('notifications', bellTab);
    await bellTab.goto(`${suite.server.url}/learn`);
    await eventually(() => unreadOf(bellTab)).not.toBeNull();
    const before = (await unreadOf(bellTab))!;
    await bellTab.evaluate(() => Object.assign(window, { sameDocument: true }));
    await bellTab.getByTestId('notification-bell').click();
    await eventually(() => panelOf(bellTab).isVisible()).toBe(true);
    await journey.screen('bell-open');

    // Tab 1 takes and submits the quiz; tab 2's bell and open panel get the result without a reload.
    const attemptId = await takeDemoQuiz(quizTab, suite.server.url, quizJourney);
    await eventually(() => panelOf(bellTab).getByRole('link', { name: GRADED }).count(), { timeout: 45_000 }).toBe(1);
    expect(await unreadOf(bellTab)).toBeGreaterThan(before);
    expect(await bellTab.getByTestId('notification-count').textContent()).toBe(String(await unreadOf(bellTab)));
    expect(await bellTab.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    // The grading tab hears of it too (its own stream).
    await eventually(() => unreadOf(quizTab)).toBe(await unreadOf(bellTab));
    await eventually(() => quizTab.getByTestId('result-score').textContent(), { timeout: 30_000 }).toMatch(/^Score: /);
    await quizJourney.screen('quiz-result');
    await journey.screen('bell-live');

    // Opening it marks it read (in both tabs) and shows the result.
    const unreadBefore = (await unreadOf(bellTab))!;
    await panelOf(bellTab).getByRole('link', { name: GRADED }).click();
    await bellTab.waitForURL(new RegExp(`/learn/attempts/${attemptId}$`));
    await eventually(() => bellTab.getByTestId('result-score').textContent(), { timeout: 30_000 }).toMatch(/^Score: /);
    await eventually(() => unreadOf(bellTab)).toBe(unreadBefore - 1);
    await eventually(() => unreadOf(quizTab)).toBe(unreadBefore - 1);
    await journey.screen('result');

    // All notifications, read or not; "Mark all read" clears both tabs' bells.
    await bellTab.getByTestId('notification-bell').click();
    await panelOf(bellTab).getByRole('link', { name: 'See all notifications' }).click();
    await bellTab.waitForURL(/\/notifications$/);
    await eventually(() => bellTab.getByTestId('notification').filter({ hasText: GRADED }).count()).toBe(1);
    await journey.screen('notifications-page');
    if (unreadBefore - 1 > 0) {
      await bellTab.getByRole('button', { name: 'Mark all read' }).click();
      await eventually(() => unreadOf(bellTab)).toBe(0);
      await eventually(() => unreadOf(quizTab)).toBe(0);
    }
    await bellTab.getByLabel('Unread only').check();
    await eventually(() => bellTab.getByText('You have read everything.').count()).toBe(1);

    // Preferences: turn email off for results and switch quiet hours on; a reload shows them kept.
    await bellTab.getByRole('link', { name: 'Notification settings' }).click();
    await bellTab.waitForURL(/\/account\/notifications$/);
    const resultsEmail = bellTab.getByRole('checkbox', { name: 'Email for Results' });
    await eventually(() => resultsEmail.isChecked()).toBe(true);
    await journey.screen('preferences');
    await resultsEmail.uncheck();
    await bellTab.getByLabel('Hold email, push and SMS during quiet hours').check();
    await bellTab.getByLabel('From').fill('21:30');
    await bellTab.getByLabel('One email a day with everything').check();
    await bellTab.getByRole('button', { name: 'Save settings' }).click();
    await eventually(() => bellTab.getByText('Your notification settings are saved.').count()).toBe(1);
    await bellTab.reload();
    await eventually(() => bellTab.getByRole('checkbox', { name: 'Email for Marketing' }).count()).toBe(1);
    expect(await resultsEmail.isChecked()).toBe(false);
    expect(await bellTab.getByLabel('Hold email, push and SMS during quiet hours').isChecked()).toBe(true);
    expect(await bellTab.getByLabel('From').inputValue()).toBe('21:30');
    expect(await bellTab.getByLabel('One email a day with everything').isChecked()).toBe(true);
    await journey.screen('preferences-saved');

    expect(errors).toEqual([]);
    expect([...journey.findings, ...quizJourney.findings]).toEqual([]);
    await context.close();
  }, 300_000);

  it('fits the bell\'s panel and the preferences on a phone', async () => {
    const { context, page, errors } = await openPage(suite.browser, PHONE);
    const journey = new Journey('notifications-phone', page);
    await signIn(page, suite.server.url, demo.student);
    await eventually(() => unreadOf(page)).not.toBeNull();
    await page.getByTestId('notification-bell').click();
    await eventually(() => panelOf(page).isVisible()).toBe(true);
    await journey.screen('bell-open');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.goto(`${suite.server.url}/account/notifications`);
    await eventually(() => page.getByRole('checkbox', { name: 'Email for Results' }).count()).toBe(1);
    await journey.screen('preferences');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
    expect(journey.findings).toEqual([]);
    await context.close();
  }, 90_000);
});
