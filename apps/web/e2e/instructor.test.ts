import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserAvailable, DESKTOP, Journey, openPage, PHONE, signIn } from './support/browser.js';
import { demo } from './support/demo.js';
import { eventually } from './support/eventually.js';
import { browserSuite } from './support/suite.js';

/** A 1×1 PNG: the smallest file the media upload recognises. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A PDF of about a megabyte (the type is recognised from its first bytes), so its upload takes a moment. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n%'), Buffer.alloc(1024 * 1024, 'x'), Buffer.from('\n%%EOF\n')]);

/** The student's side goes through the API: signs in and answers with a bearer token. */
async function apiAs(baseUrl: string, account: { tenant: string; email: string; password: string }) {
  const response = await fetch(`${baseUrl}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  const { tokens } = (await response.json()) as { tokens: { accessToken: string } };
  return async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const reply = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await reply.text();
    return { status: reply.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/**
 * Reloads until `target` shows: what another service learns from events (a published course, a graded
 * submission) reaches the screen a moment later. Each try lets the page finish loading before it reloads.
 */
async function reloadUntilVisible(page: Page, target: () => Locator, timeout = 20_000): Promise<void> {
  const giveUpAt = Date.now() + timeout;
  for (;;) {
    const shown = await target().first().waitFor({ state: 'visible', timeout: 2_500 }).then(() => true, () => false);
    if (shown) return;
    if (Date.now() > giveUpAt) throw new Error(`not shown within ${timeout} ms: ${target().toString()}`);
    await page.reload();
  }
}

const idFrom = (page: Page, pattern: RegExp) => pattern.exec(new URL(page.url()).pathname)?.[1] ?? '';
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

interface Slot {
  slot: string;
  item: { id: string; type: string };
}

describe.skipIf(!browserAvailable)('an instructor in a browser', () => {
  const suite = browserSuite();

  it('builds and publishes a course and an exam, grades the essay a student wrote and reads the item analysis', async () => {
    const { context, page, errors } = await openPage(suite.browser, DESKTOP);
    page.on('dialog', (dialog) => void dialog.accept());
    const journey = new Journey('instructor', page);
    const tag = randomUUID().slice(0, 6);
    const courseTitle = `Course ${tag}`;

    // My courses: create one.
    await signIn(page, suite.server.url, demo.instructor);
    await page.waitForURL(/\/teach$/);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My courses');
    await journey.screen('my-courses');
    await page.getByLabel('Course title').fill(courseTitle);
    await page.getByRole('button', { name: 'Create course' }).click();
    await page.waitForURL(/\/teach\/courses\/[0-9a-f-]{36}$/);
    const courseId = idFrom(page, /\/teach\/courses\/([0-9a-f-]{36})/);

    // Outline: a module with two lessons, reordered by dragging with the keyboard and with the arrow buttons, then one deleted.
    await page.getByLabel('New module title').fill('Basics');
    await page.getByRole('button', { name: 'Add module' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Module 1: Basics' }).count()).toBe(1);
    for (const lesson of ['First steps', 'Warm-up']) {
      await page.getByLabel('New lesson in Basics').fill(lesson);
      await page.getByRole('button', { name: 'Add lesson' }).click();
      await eventually(() => page.getByRole('link', { name: lesson }).count()).toBe(1);
    }
    const lessonOrder = () => page.getByRole('list', { name: 'Lessons of Basics' }).getByRole('link').allTextContents();
    const handle = page.getByRole('button', { name: 'Drag to move Warm-up' });
    await handle.focus();
    await page.keyboard.press('Space');
    await eventually(() => handle.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('ArrowUp');
    await eventually(() => page.getByText('Warm-up is now at position 1 of 2.').count()).toBe(1);
    await page.keyboard.press('Space');
    await eventually(lessonOrder).toEqual(['Warm-up', 'First steps']);
    await eventually(() => page.getByText('Warm-up dropped at position 1 of 2.').count()).toBe(1);
    await page.getByText('All changes saved.').waitFor({ timeout: 30_000 });
    await journey.screen('course-outline');
    await page.getByRole('button', { name: 'Move Warm-up down' }).click();
    await eventually(lessonOrder).toEqual(['First steps', 'Warm-up']);
    await page.getByText('All changes saved.').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Delete Warm-up' }).click();
    await eventually(() => page.getByRole('link', { name: 'Warm-up' }).count()).toBe(0);
    await page.getByText('All changes saved.').waitFor({ timeout: 30_000 });

    // Settings, saved with If-Match.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Description').fill('A course built by the browser journey.');
    await page.getByLabel('Tags').fill('journey, testing');
    await page.getByRole('button', { name: 'Save settings' }).click();
    // A toast shows for five seconds: wait for it in the page (polling from here can miss it on a loaded machine).
    await page.getByText('Course settings saved.').waitFor({ timeout: 30_000 });
    await journey.screen('course-settings');

    // Lesson: a text block with its live preview, and a file uploaded with a progress bar.
    await page.getByRole('tab', { name: 'Outline' }).click();
    await page.getByRole('link', { name: 'First steps' }).click();
    await page.waitForURL(/\/teach\/lessons\//);
    await page.getByRole('button', { name: 'Text', exact: true }).click();
    await page.getByLabel('Text (Markdown)').fill('# Welcome\n\nThis lesson is **short** and *kind*.');
    await eventually(() => page.locator('.rich-text strong').first().textContent()).toBe('short');
    await journey.screen('lesson-text-preview');
    await page.getByRole('button', { name: 'Save text' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Block 1 (text)' }).count()).toBe(1);
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByLabel('Document or image to upload').setInputFiles({ name: 'diagram.png', mimeType: 'image/png', buffer: PNG });
    await eventually(() => page.getByRole('heading', { name: /^Block 2 \(file\)/ }).count()).toBe(1);
    await eventually(() => page.getByText('diagram.png').count()).toBeGreaterThan(0);
    // The thumbnail loads by signed link: an <img> cannot send the bearer token.
    const thumbnail = page.getByRole('img', { name: 'Thumbnail of diagram.png' });
    await eventually(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0).catch(() => false)).toBe(true);
    expect(await thumbnail.getAttribute('src')).toContain('/api/v1/media-links/thumbnail?token=');
    // A larger handout over a slowed-down upload: the progress bar moves as the bytes leave.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 512 * 1024 });
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByLabel('Document or image to upload').setInputFiles({ name: 'handout.pdf', mimeType: 'application/pdf', buffer: PDF });
    await eventually(async () => Number(await page.getByRole('progressbar', { name: 'Upload of handout.pdf' }).getAttribute('aria-valuenow', { timeout: 1_000 }).catch(() => 0))).toBeGreaterThan(0);
    await eventually(() => page.getByRole('heading', { name: /^Block 3 \(file\)/ }).count()).toBe(1);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await journey.screen('lesson-editor');

    // Questions: single choice, numeric with a tolerance and a unit, an essay with a rubric; each published.
    const createItem = async (type: string, title: string, fill: () => Promise<void>, screen: string) => {
      await page.goto(`${suite.server.url}/teach/items`);
      await page.getByRole('link', { name: 'New question' }).click();
      await page.getByLabel('Question type').selectOption(type);
      await page.getByLabel('Title').fill(title);
      await fill();
      await eventually(() => page.getByRole('heading', { name: 'Ready to publish' }).count()).toBe(1);
      await journey.screen(screen);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/teach\/items\/[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await eventually(() => page.getByText('Question published.').count()).toBe(1);
      return idFrom(page, /\/teach\/items\/([0-9a-f-]{36})/);
    };
    const choiceId = await createItem('single_choice', `Capital ${tag}`, async () => {
      await page.getByLabel('Question text').fill('<p>Which city is the capital of France?</p>');
      await page.getByLabel('Option A', { exact: true }).fill('Lyon');
      await page.getByLabel('Option B', { exact: true }).fill('Paris');
      await page.getByLabel('Option B is correct').check();
    }, 'item-single-choice');
    const numericId = await createItem('numeric', `Gravity ${tag}`, async () => {
      await page.getByLabel('Question text').fill('How fast does a stone fall after one second?');
      await page.getByLabel('Correct value').fill('9.81');
      await page.getByLabel('Tolerance', { exact: true }).selectOption('absolute');
      await page.getByLabel('Allowed difference', { exact: true }).fill('0.1');
      await page.getByLabel('Unit (optional)').fill('m/s');
    }, 'item-numeric');
    const essayId = await createItem('essay', `Reflection ${tag}`, async () => {
      await page.getByLabel('Question text').fill('Why do we write tests?');
      await page.getByRole('button', { name: 'Add criterion' }).click();
      await page.getByLabel('Criterion 1', { exact: true }).fill('Clear argument');
      await page.getByLabel('Points for criterion 1').fill('3');
      await page.getByRole('button', { name: 'Add criterion' }).click();
      await page.getByLabel('Criterion 2', { exact: true }).fill('Examples');
      await page.getByLabel('Points for criterion 2').fill('2');
    }, 'item-essay');
    await page.goto(`${suite.server.url}/teach/items?q=${tag}`);
    await eventually(() => page.getByRole('table').getByRole('link').count()).toBe(3);
    await journey.screen('question-bank');

    // Skills: two skills, a prerequisite, and a cycle the API refuses, explained in plain words.
    await page.goto(`${suite.server.url}/teach/skills`);
    for (const name of [`Reading ${tag}`, `Writing ${tag}`]) {
      await page.getByLabel('Skill name').fill(name);
      await page.getByRole('button', { name: 'Create skill' }).click();
      await eventually(() => page.getByText(`Skill “${name}” created.`).count()).toBe(1);
    }
    await page.getByLabel('Skill', { exact: true }).selectOption({ label: `Writing ${tag}` });
    await page.getByLabel(`Reading ${tag}`).check();
    await page.getByRole('button', { name: 'Save prerequisites' }).click();
    await eventually(() => page.getByText(`Writing ${tag} needs Reading ${tag} first`).count()).toBe(1);
    await page.getByLabel('Skill', { exact: true }).selectOption({ label: `Reading ${tag}` });
    await page.getByLabel(`Writing ${tag}`).check();
    await page.getByRole('button', { name: 'Save prerequisites' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('That would make a loop');
    await eventually(() => page.locator('svg[role="img"] path[marker-end]').count()).toBeGreaterThan(0);
    await journey.screen('skill-graph');

    // Submit the course for review; a reviewer (the demo admin) approves and publishes it.
    await page.goto(`${suite.server.url}/teach/courses/${courseId}?tab=publishing`);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await eventually(() => page.getByText('Course submitted for review.').count()).toBe(1);
    await journey.screen('course-in-review');
    const reviewer = await openPage(suite.browser, DESKTOP);
    const reviewerJourney = new Journey('instructor-reviewer', reviewer.page);
    await signIn(reviewer.page, suite.server.url, demo.admin);
    await reviewer.page.goto(`${suite.server.url}/teach/courses/${courseId}?tab=publishing`);
    await reviewer.page.getByRole('button', { name: 'Approve and publish' }).click();
    await eventually(() => reviewer.page.getByText('Course published.').count()).toBe(1);
    await reviewerJourney.screen('course-approved');
    expect(reviewerJourney.findings).toEqual([]);
    expect(reviewer.errors).toEqual([]);
    await reviewer.context.close();

    // Enrollment settings of the now published course: a capacity and a waitlist.
    await page.goto(`${suite.server.url}/teach/courses/${courseId}?tab=enrollment`);
    await reloadUntilVisible(page, () => page.getByLabel('Capacity'));
    await page.getByLabel('Capacity').fill('30');
    await page.getByLabel('Keep a waitlist when the course is full').check();
    await page.getByRole('button', { name: 'Save enrollment settings' }).click();
    await page.getByText('Enrollment settings saved.').waitFor({ timeout: 30_000 });
    await journey.screen('course-enrollment');

    // Exam: created once assessment has heard of the published course, the three questions picked, published.
    await page.goto(`${suite.server.url}/teach/courses/${courseId}`);
    await page.getByRole('link', { name: 'Exams' }).click();
    await reloadUntilVisible(page, () => page.getByRole('button', { name: 'Create exam' }));
    await journey.screen('course-exams');
    await page.getByLabel('Exam title').fill(`Final ${tag}`);
    await page.getByRole('button', { name: 'Create exam' }).click();
    await page.waitForURL(/\/teach\/exams\/[0-9a-f-]{36}$/);
    const examId = idFrom(page, /\/teach\/exams\/([0-9a-f-]{36})/);
    await page.getByText('Add questions from the bank').click();
    await page.getByLabel('Find questions').fill(tag);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    for (const title of [`Capital ${tag}`, `Gravity ${tag}`, `Reflection ${tag}`]) {
      await page.getByRole('button', { name: `Add “${title}”` }).click();
      await eventually(() => page.getByRole('button', { name: `Add “${title}”` }).count()).toBe(0);
    }
    await eventually(() => page.getByText('3 questions, 7 points in all.').count()).toBe(1);
    await page.getByLabel('Students see their results').selectOption('immediately');
    await page.getByLabel('Time limit (minutes)').fill('30');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Exam draft saved.').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await eventually(() => page.getByText(/Exam published/).count()).toBe(1);
    await journey.screen('exam-builder');

    // The student enrolls and takes the exam through the API: a right choice, a number within tolerance, an essay.
    const student = await apiAs(suite.server.url, demo.student);
    expect((await student('POST', `/api/v1/courses/${courseId}/enroll`, {})).status).toBe(201);
    let attempt: { id: string; slots: Slot[] } | undefined;
    await eventually(async () => {
      const started = await student<{ id: string; slots: Slot[] }>('POST', `/api/v1/exams/${examId}/attempts`);
      if (started.status === 200 || started.status === 201) attempt = started.body;
      return attempt ? 'started' : started.status;
    }, { timeout: 20_000 }).toBe('started');
    const responses: Record<string, unknown> = {
      [choiceId]: { type: 'single_choice', choice: 'B' },
      [numericId]: { type: 'numeric', value: 9.8, unit: 'm/s' },
      [essayId]: { type: 'essay', text: 'Tests let us change code without fear.\nThey document what the code should do.' },
    };
    const answers = attempt!.slots.map((slot, index) => ({ slot: slot.slot, seq: index + 1, response: responses[slot.item.id] }));
    expect((await student('POST', `/api/v1/attempts/${attempt!.id}/answers`, { answers })).status).toBe(202);
    expect((await student('POST', `/api/v1/attempts/${attempt!.id}/submit`, { answers, lastSeq: answers.length })).status).toBe(202);
    await eventually(async () => (await student<{ status: string }>('GET', `/api/v1/attempts/${attempt!.id}/submission`)).body?.status, { timeout: 20_000 }).toBe('pending_manual');

    // Extra time for the student, chosen from the roster.
    await page.goto(`${suite.server.url}/teach/exams/${examId}`);
    await reloadUntilVisible(page, () => page.getByRole('combobox', { name: 'Student', exact: true }));
    await page.getByRole('combobox', { name: 'Student', exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Extra time (%)').fill('25');
    await page.getByRole('button', { name: 'Save accommodations' }).click();
    await eventually(() => page.getByRole('cell', { name: '25%' }).count()).toBe(1);
    await journey.screen('exam-accommodations');

    // The instructor grades the essay with its rubric.
    await page.goto(`${suite.server.url}/teach/exams/${examId}/grading`);
    await reloadUntilVisible(page, () => page.getByText('1 answer waiting.'));
    await page.getByLabel('Clear argument (0 to 3 points)').fill('3');
    await page.getByLabel('Examples (0 to 2 points)').fill('1');
    await page.getByLabel('Comment for the student (optional)').fill('Well argued; one more example would help.');
    await eventually(() => page.getByText('Rubric points 4 of 5: this answer scores 4 of 5.').count()).toBe(1);
    await journey.screen('grading-queue');
    await page.getByRole('button', { name: 'Save grade' }).click();
    await eventually(() => page.getByText('Graded: 4 of 5.').count()).toBe(1);
    await eventually(() => page.getByText('Nothing is waiting to be graded.').count()).toBe(1);

    // Item analysis with its charts, once the graded submission reached the statistics.
    await page.getByRole('link', { name: 'Item analysis' }).click();
    await reloadUntilVisible(page, () => page.getByRole('img', { name: 'Score distribution' }));
    await eventually(() => page.getByRole('img', { name: /Facility/ }).count()).toBe(1);
    await eventually(() => page.getByRole('img', { name: `How often each answer of “Capital ${tag}” was chosen` }).count()).toBe(1);
    await eventually(() => page.getByRole('row', { name: 'B: Paris 1' }).count()).toBe(1);
    await journey.screen('item-analysis');

    // The gradebook and the roster show the student.
    await page.goto(`${suite.server.url}/teach/courses/${courseId}/gradebook`);
    await eventually(() => page.getByRole('columnheader', { name: `Final ${tag}` }).count()).toBe(1);
    await page.getByLabel('Weight of Exam (%)').fill('80');
    await page.getByLabel('Quiz counts').check();
    await page.getByLabel('Weight of Quiz (%)').fill('20');
    await page.getByRole('button', { name: 'Save grading scheme' }).click();
    await page.getByText('Grading scheme saved.').waitFor({ timeout: 30_000 });
    await journey.screen('gradebook');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the gradebook (CSV)' }).click()]);
    const csvText = await new Response((await csv.createReadStream()) as unknown as ReadableStream).text();
    expect(csvText.split('\n')[0]).toContain(`Final ${tag}`);
    await page.goto(`${suite.server.url}/teach/courses/${courseId}/roster`);
    await eventually(() => page.getByRole('cell', { name: 'Active' }).count()).toBe(1);
    await journey.screen('roster');

    expect(journey.findings).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();

    // An authoring screen at phone width: nothing overflows sideways.
    const phone = await openPage(suite.browser, PHONE);
    const phoneJourney = new Journey('instructor-phone', phone.page);
    await signIn(phone.page, suite.server.url, demo.instructor);
    await phone.page.goto(`${suite.server.url}/teach/courses/${courseId}`);
    await eventually(() => phone.page.getByRole('heading', { name: 'Module 1: Basics' }).count()).toBe(1);
    expect(await pageWidth(phone.page)).toBeLessThanOrEqual(PHONE.width);
    await phoneJourney.screen('course-outline-phone');
    await phone.page.goto(`${suite.server.url}/teach/items/${essayId}`);
    await eventually(() => phone.page.getByRole('heading', { name: 'Preview as students see it' }).count()).toBe(1);
    expect(await pageWidth(phone.page)).toBeLessThanOrEqual(PHONE.width);
    await phoneJourney.screen('item-editor-phone');
    expect(phoneJourney.findings).toEqual([]);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }, 360_000);
});
