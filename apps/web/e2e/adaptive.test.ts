import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserAvailable, DESKTOP, Journey, openPage, PHONE, signIn } from './support/browser.js';
import { demo } from './support/demo.js';
import { eventually } from './support/eventually.js';
import { browserSuite } from './support/suite.js';

/** The demo seed's adaptive course: skills Counting → Addition → Subtraction, the demo student enrolled. */
const PRACTICE_COURSE = 'Arithmetic practice';
const PRACTICE_COURSE_ID = '00000000-0000-4000-8000-00000000c002';
/** The demo seed's adaptive exam in that course: it stops at 8 questions at the latest. */
const ADAPTIVE_EXAM = 'Arithmetic placement check (adaptive)';
const ADAPTIVE_MAX_ITEMS = 8;
/** Three right answers master a skill under the default BKT parameters; this leaves room for a review or two. */
const MAX_ANSWERS = 12;

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const reasonOf = (page: Page) => page.getByTestId('practice-reason').textContent();
const recommendationOf = (page: Page) => page.getByTestId('recommendation').filter({ hasText: PRACTICE_COURSE });

/**
 * Reloads until `target` shows: the adaptive service learns the course, its items and the enrollment from
 * catalog's and enrollment's events, a moment after the demo seed ran.
 */
async function reloadUntilVisible(page: Page, target: () => Locator, timeout = 30_000): Promise<void> {
  const giveUpAt = Date.now() + timeout;
  for (;;) {
    const shown = await target().first().waitFor({ state: 'visible', timeout: 2_500 }).then(() => true, () => false);
    if (shown) return;
    if (Date.now() > giveUpAt) throw new Error(`not shown within ${timeout} ms: ${target().toString()}`);
    await page.reload();
  }
}

/**
 * Answers the question on the practice screen rightly without knowing its key: the demo's statements are all
 * true, and its sums state their operands ("What is 4 + 1?", "What is 9 − 4?").
 */
async function answerRightly(page: Page, questionSelector = '.checkable-question'): Promise<void> {
  const question = page.locator(questionSelector);
  const trueChoice = question.getByLabel('True', { exact: true });
  if (await trueChoice.count() > 0) {
    await trueChoice.check();
    return;
  }
  const stem = (await question.locator('.question-stem').textContent()) ?? '';
  const sum = /(\d+)\s*([+−-])\s*(\d+)/.exec(stem);
  if (!sum) throw new Error(`a question the journey cannot answer: ${stem}`);
  const [a, b] = [Number(sum[1]), Number(sum[3])];
  await question.locator('input[inputmode="decimal"]').fill(String(sum[2] === '+' ? a + b : a - b));
}

describe.skipIf(!browserAvailable)('adaptive practice in a browser', () => {
  const suite = browserSuite();

  it('a student practises until a skill\'s mastery rises and the recommendation changes without a reload', async () => {
    const { context, page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('adaptive', page);
    await signIn(page, suite.server.url, demo.student);
    await page.waitForURL(/\/learn$/);

    // The home recommends the course's first skill, in words, with the predicted chance.
    await reloadUntilVisible(page, () => recommendationOf(page).filter({ hasText: 'Counting' }));
    const recommendedFirst = (await recommendationOf(page).locator('.recommend-reason').textContent()) ?? '';
    expect(await recommendationOf(page).textContent()).toMatch(/Your predicted chance of getting it right: \d+%/);
    await journey.screen('home-recommended');

    // The course page leads to practice.
    await page.getByRole('link', { name: PRACTICE_COURSE, exact: true }).first().click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(PRACTICE_COURSE);
    await journey.screen('course');
    await page.getByRole('link', { name: 'Practise', exact: true }).click();
    await page.waitForURL(/\/practice$/);
    await eventually(() => reasonOf(page)).toContain('Counting');
    const counting = page.getByRole('progressbar', { name: 'Mastery of Counting' });
    const startedAt = Number(await counting.getAttribute('aria-valuenow'));
    await journey.screen('practice');

    // Every answer is graded at once and moves the bar; the next question comes with its reason.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    let reason = (await reasonOf(page)) ?? '';
    for (let answered = 0; answered < MAX_ANSWERS && reason.includes('Counting'); answered += 1) {
      if (answered === 0) {
        await page.getByRole('button', { name: 'Show a hint' }).click();
        await eventually(() => page.locator('.hints .alert').count()).toBe(1);
      }
      await answerRightly(page);
      await page.getByRole('button', { name: 'Check' }).click();
      await eventually(() => page.getByTestId('answer-feedback').textContent()).toContain('Right!');
      if (answered === 0) {
        await eventually(async () => Number(await counting.getAttribute('aria-valuenow'))).toBeGreaterThan(startedAt);
        await journey.screen('practice-feedback');
      }
      await page.getByRole('button', { name: 'Next question' }).click();
      await eventually(() => page.getByTestId('answer-feedback').count()).toBe(0);
      await eventually(() => page.getByTestId('practice-reason').count()).toBe(1);
      reason = (await reasonOf(page)) ?? '';
    }
    expect(reason).not.toContain('Counting');
    expect(Number(await counting.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(95);
    expect(await page.locator('.mastery-panel li').filter({ hasText: 'Counting' }).textContent()).toContain('Mastered');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await journey.screen('practice-next-skill');

    // The learning path shows Counting mastered and Addition next.
    await page.getByRole('link', { name: 'Learning path' }).click();
    await eventually(() => page.locator('.path-step').count()).toBe(3);
    expect(await page.locator('.path-step').nth(0).textContent()).toContain('Mastered');
    expect(await page.locator('.path-step').nth(1).textContent()).toContain('Addition');
    await journey.screen('path');

    // Back home within the app: the recommendation moved on to the next skill.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await eventually(() => recommendationOf(page).locator('.recommend-reason').textContent()).not.toBe(recommendedFirst);
    expect(await recommendationOf(page).locator('.recommend-reason').textContent()).not.toContain('Counting');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await journey.screen('home-recommendation-changed');

    // The practice overview: how reviews are planned.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click();
    await eventually(() => page.getByLabel('FSRS (recommended)').isChecked()).toBe(true);
    await page.getByLabel('SM-2').check();
    await page.getByText('Review planning saved.').waitFor({ timeout: 30_000 });
    await journey.screen('practice-overview');

    expect(errors).toEqual([]);
    expect(journey.findings).toEqual([]);
    await context.close();
  }, 360_000);

  it('fits the practice screen and the learning path on a phone', async () => {
    const { context, page, errors } = await openPage(suite.browser, PHONE);
    const journey = new Journey('adaptive-phone', page);
    await signIn(page, suite.server.url, demo.student);
    await page.goto(`${suite.server.url}/learn/courses/${PRACTICE_COURSE_ID}/practice`);
    await eventually(() => page.getByRole('heading', { name: 'Your mastery' }).count(), { timeout: 30_000 }).toBe(1);
    await journey.screen('practice');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.goto(`${suite.server.url}/learn/courses/${PRACTICE_COURSE_ID}/path`);
    await eventually(() => page.locator('.path-step').count()).toBe(3);
    await journey.screen('path');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
    expect(journey.findings).toEqual([]);
    await context.close();
  }, 90_000);

  it('an instructor sees the class heat map with the student\'s row', async () => {
    const { context, page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('adaptive-instructor', page);
    await signIn(page, suite.server.url, demo.instructor);
    await page.goto(`${suite.server.url}/teach/courses/${PRACTICE_COURSE_ID}/adaptive`);
    const heatMap = page.getByRole('table', { name: /Mastery of each student on each skill/ });
    await reloadUntilVisible(page, () => heatMap);
    expect(await heatMap.getByRole('columnheader').allTextContents()).toEqual(['Student', 'Counting', 'Addition', 'Subtraction']);
    await eventually(() => heatMap.getByRole('row', { name: /Sam Student/ }).count()).toBe(1);
    // The journey above mastered Counting: the student's first cell says so in number and colour.
    const first = heatMap.getByRole('row', { name: /Sam Student/ }).getByRole('cell').first();
    expect(await first.textContent()).toMatch(/^\d+% mastered$/);
    expect(await first.getAttribute('class')).toBe('heat mastered');
    await eventually(() => page.getByLabel('Mastery threshold (%)').inputValue()).toBe('95');
    await journey.screen('insights');
    expect(errors).toEqual([]);
    expect(journey.findings).toEqual([]);
    await context.close();
  }, 90_000);

  it('a student takes the placement test from the learning path and gets a level', async () => {
    const { context, page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('adaptive-placement', page);
    await signIn(page, suite.server.url, demo.student);
    await page.goto(`${suite.server.url}/learn/courses/${PRACTICE_COURSE_ID}/path`);
    await page.getByRole('link', { name: 'Placement test' }).click();
    await page.getByRole('button', { name: 'Start the test' }).click();
    await page.waitForURL(/\/placement\?session=[0-9a-f-]+$/);
    await eventually(() => page.getByTestId('placement-progress').textContent()).toMatch(/^Question 1 \(at most \d+\)$/);
    await journey.screen('placement');
    // The course has nine questions: the test stops when it is precise enough or has asked them all.
    for (let asked = 1; asked <= 20 && await page.getByTestId('placement-level').count() === 0; asked += 1) {
      await answerRightly(page);
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await eventually(async () => (await page.getByTestId('placement-level').count()) > 0 || ((await page.getByTestId('placement-progress').textContent()) ?? '').startsWith(`Question ${asked + 1} `)).toBe(true);
    }
    expect(await page.getByTestId('placement-level').textContent()).toMatch(/on track|well ahead/);
    await journey.screen('placement-result');
    expect(errors).toEqual([]);
    expect(journey.findings).toEqual([]);
    await context.close();
  }, 120_000);

  it('a student takes the adaptive exam one question at a time, submits and sees the ability estimate', async () => {
    const { context, page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('adaptive-exam', page);
    await signIn(page, suite.server.url, demo.student);
    await page.goto(`${suite.server.url}/learn/courses/${PRACTICE_COURSE_ID}`);
    // Assessment publishes the exam once it has received the course's items, a few seconds after start.
    await reloadUntilVisible(page, () => page.getByRole('link', { name: `Take ${ADAPTIVE_EXAM}` }));
    await page.getByRole('link', { name: `Take ${ADAPTIVE_EXAM}` }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(ADAPTIVE_EXAM);
    expect(await page.getByText(/^Adaptive test: one question at a time/).count()).toBe(1);
    await journey.screen('exam-start');
    await page.getByRole('button', { name: 'Start the exam' }).click();
    await page.waitForURL(/\/learn\/attempts\/[0-9a-f-]+$/);
    const progress = page.getByTestId('adaptive-progress');
    await eventually(() => progress.textContent()).toBe(`Question 1 — at most ${ADAPTIVE_MAX_ITEMS}`);
    expect(await page.locator('section.question').count()).toBe(1);
    await journey.screen('exam-question');

    // Each answer brings the next question (no feedback on it) until the test has measured enough.
    const finished = page.getByTestId('adaptive-finished');
    for (let asked = 1; asked <= ADAPTIVE_MAX_ITEMS && await finished.count() === 0; asked += 1) {
      await answerRightly(page, 'section.question');
      await page.getByRole('button', { name: 'Answer and continue' }).click();
      await eventually(async () => (await finished.count()) > 0 || (await progress.textContent()) === `Question ${asked + 1} — at most ${ADAPTIVE_MAX_ITEMS}`).toBe(true);
      if (asked === 1 && await finished.count() === 0) {
        // A reload resumes at the question the test waits for.
        await page.reload();
        await eventually(() => progress.textContent()).toBe(`Question 2 — at most ${ADAPTIVE_MAX_ITEMS}`);
        expect(await page.locator('section.question').count()).toBe(1);
        await journey.screen('exam-next-question');
      }
    }
    await eventually(() => finished.textContent()).toContain('You have answered every question this test needs');
    expect(await page.getByRole('button', { name: 'Answer and continue' }).count()).toBe(0);
    await journey.screen('exam-finished');

    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('button', { name: 'Submit now' }).click();
    await page.getByText('Submission received.').waitFor({ timeout: 10_000 });
    await eventually(() => page.getByTestId('result-score').textContent(), { timeout: 30_000 }).toMatch(/^Score: [\d.]+ of 100 \([\d.]+%\)/);
    expect(await page.getByTestId('result-ability').textContent()).toMatch(/^Estimated ability -?\d+(\.\d+)? ± \d+(\.\d+)? on the test's scale/);
    await journey.screen('exam-result');
    expect(errors).toEqual([]);
    expect(journey.findings).toEqual([]);
    await context.close();
  }, 180_000);
});
