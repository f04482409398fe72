import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, DESKTOP, Journey, openPage, PHONE, signIn } from './support/browser.js';
import { demo } from './support/demo.js';
import { eventually } from './support/eventually.js';
import { browserSuite } from './support/suite.js';

const DEMO_COURSE = 'Getting started with Tessera';
const DEMO_QUIZ = 'Check yourself: getting started';

/** Signs in through the API (for checks the screens do not show, such as what the server stored). */
async function apiToken(baseUrl: string, account: { tenant: string; email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  const body = (await response.json()) as { tokens: { accessToken: string } };
  return body.tokens.accessToken;
}

/** The one-time token of the newest confirmation email to `to`, read from the embedded mail outbox as the demo admin. */
async function verificationToken(baseUrl: string, to: string): Promise<string> {
  const headers = { authorization: `Bearer ${await apiToken(baseUrl, demo.admin)}` };
  let raw = '';
  await eventually(async () => {
    const list = (await (await fetch(`${baseUrl}/api/v1/admin/mail?limit=50`, { headers })).json()) as { items: { id: string; to: string; category: string | null }[] };
    const mail = list.items.find((item) => item.to.includes(to) && item.category === 'identity.verify-email');
    if (mail) raw = await (await fetch(`${baseUrl}/api/v1/admin/mail/${mail.id}`, { headers })).text();
    return raw !== '';
  }, { timeout: 15_000 }).toBe(true);
  const unfolded = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const token = /token=([A-Za-z0-9._%-]+)/.exec(unfolded)?.[1];
  if (!token) throw new Error(`no token in the confirmation mail:\n${raw}`);
  return decodeURIComponent(token);
}

const seconds = (clock: string) => clock.split(':').map(Number).reduce((total, part) => total * 60 + part, 0);
const timeLeft = async (page: Page) => seconds((await page.getByTestId('time-left').textContent()) ?? '');
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(!browserAvailable)('a student in a browser', () => {
  const suite = browserSuite();

  it('signs up, finds a course, enrolls, completes a lesson, takes a timed exam across a reload and sees the result arrive live', async () => {
    const { context, page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('student', page);
    const account = { tenant: demo.tenant, email: `learner-${randomUUID().slice(0, 8)}@example.test`, password: 'a long and unguessable passphrase' };

    // Sign up, confirm the address with the emailed link, sign in.
    await page.goto(`${suite.server.url}/sign-up?tenant=${demo.tenant}`);
    await page.getByLabel('Your name').fill('Lea Learner');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('New password').fill(account.password);
    await journey.screen('sign-up');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email');
    await page.goto(`${suite.server.url}/verify-email?token=${encodeURIComponent(await verificationToken(suite.server.url, account.email))}`);
    await eventually(() => page.getByText('Your email address is confirmed').count()).toBe(1);
    await signIn(page, suite.server.url, account);
    await page.waitForURL(/\/learn$/);
    await eventually(() => page.getByText('You are not enrolled in any course yet.').count()).toBe(1);
    await journey.screen('home-new');

    // Find the demo course by searching; the query lives in the address (back and forward restore it).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await eventually(() => page.getByRole('link', { name: DEMO_COURSE }).count()).toBe(1);
    await journey.screen('catalog');
    await page.getByLabel('Search courses and lessons').fill('lesson');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/learn\/catalog\?q=lesson$/);
    await eventually(() => page.locator('.snippet mark').count()).toBeGreaterThan(0);
    await journey.screen('catalog-search');
    await page.goBack();
    await eventually(() => page.getByLabel('Search courses and lessons').inputValue()).toBe('');
    await page.goForward();
    await eventually(() => page.getByLabel('Search courses and lessons').inputValue()).toBe('lesson');
    // A controlled checkbox follows the address, which changes a moment after the click.
    await page.getByLabel(/^tour \(\d+\)$/).click();
    await page.waitForURL(/\/learn\/catalog\?q=lesson&tag=tour$/);
    await eventually(() => page.getByLabel(/^tour \(\d+\)$/).isChecked()).toBe(true);
    await page.getByRole('link', { name: DEMO_COURSE }).click();

    // Enroll, then open the first lesson and complete it.
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(DEMO_COURSE);
    await journey.screen('course');
    await page.getByRole('button', { name: 'Enroll' }).click();
    await eventually(() => page.getByRole('link', { name: 'Start the course' }).count()).toBe(1);
    await journey.screen('course-enrolled');
    await page.getByRole('link', { name: 'Start the course' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Finding your way');
    await journey.screen('lesson');
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await eventually(() => page.getByText('1 of 3 lessons done').count()).toBe(1);
    await journey.screen('lesson-completed');
    await page.getByRole('link', { name: 'Next lesson: Skills and prerequisites' }).click();
    await page.getByRole('link', { name: 'Next lesson: Check your understanding' }).click();
    await eventually(() => page.getByRole('button', { name: /^Check question \d$/ }).count()).toBe(4);
    await journey.screen('lesson-questions');

    // The course's quiz: 15 minutes, counted on the server.
    await page.getByRole('link', { name: 'Back to the course', exact: true }).click();
    await eventually(() => page.getByRole('link', { name: `Take ${DEMO_QUIZ}` }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('link', { name: `Take ${DEMO_QUIZ}` }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(DEMO_QUIZ);
    await journey.screen('exam-start');
    await page.getByRole('button', { name: 'Start the exam' }).click();
    await page.waitForURL(/\/learn\/attempts\/[0-9a-f-]+$/);
    const attemptId = page.url().split('/').pop()!;
    await eventually(() => timeLeft(page)).toBeGreaterThan(14 * 60);
    await journey.screen('attempt');

    await page.getByRole('textbox', { name: /How many lessons/ }).fill('3');
    await page.getByLabel('Modules').check();
    await eventually(() => page.getByTestId('autosave').getAttribute('data-state')).toBe('saved');
    // The server has the answers (applied from its queue): the reload below must show them from there.
    const token = await apiToken(suite.server.url, account);
    await eventually(async () => {
      const attempt = (await (await fetch(`${suite.server.url}/api/v1/attempts/${attemptId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { slots: { answer: unknown }[] };
      return attempt.slots.filter((slot) => slot.answer !== null).length;
    }).toBe(2);
    const before = await timeLeft(page);
    const reloadedAt = Date.now();
    await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('tessera.attempt.')).forEach((key) => localStorage.removeItem(key)));
    await page.reload();
    await eventually(() => page.getByRole('textbox', { name: /How many lessons/ }).inputValue()).toBe('3');
    expect(await page.getByLabel('Modules').isChecked()).toBe(true);
    const after = await timeLeft(page);
    const elapsed = Math.ceil((Date.now() - reloadedAt) / 1000);
    expect(before - after).toBeGreaterThanOrEqual(0);
    expect(before - after).toBeLessThanOrEqual(elapsed + 2);
    await journey.screen('attempt-reloaded');

    await page.getByLabel('True', { exact: true }).check();
    await page.getByLabel('Rich text').check();
    await page.getByLabel('Questions').check();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await eventually(() => page.getByRole('dialog', { name: 'Submit your answers?' }).isVisible()).toBe(true);
    await journey.screen('submit-confirm');
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByRole('button', { name: 'Submit now' }).click();
    await page.getByText('Submission received.').waitFor({ timeout: 5_000 });
    await eventually(() => page.getByTestId('result-score').textContent(), { timeout: 30_000 }).toMatch(/^Score: 4 of 4 \(100%\)/);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await journey.screen('result');

    // The result shows on the home page and in the grades.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await eventually(() => page.getByRole('link', { name: DEMO_QUIZ, exact: true }).count()).toBe(1);
    await journey.screen('home');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Grades' }).click();
    await eventually(() => page.getByRole('row', { name: new RegExp(DEMO_QUIZ) }).textContent()).toContain('100%');
    await journey.screen('grades');

    expect(errors).toEqual([]);
    expect(journey.findings).toEqual([]);
    await context.close();
  }, 120_000);

  it('fits the home and the catalog on a phone', async () => {
    const { context, page, errors } = await openPage(suite.browser, PHONE);
    const journey = new Journey('student-phone', page);
    await signIn(page, suite.server.url, demo.student);
    await eventually(() => page.getByRole('heading', { name: 'My courses' }).count()).toBe(1);
    await journey.screen('home');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.goto(`${suite.server.url}/learn/catalog?q=tessera`);
    await eventually(() => page.getByRole('link', { name: DEMO_COURSE }).count()).toBe(1);
    await journey.screen('catalog');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
    expect(journey.findings).toEqual([]);
    await context.close();
  }, 60_000);
});
