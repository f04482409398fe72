import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, DESKTOP, Journey, openPage, openProfile, PHONE, signIn } from './support/browser.js';
import { demo } from './support/demo.js';
import { eventually } from './support/eventually.js';
import { browserSuite } from './support/suite.js';

/** The demo seed's tour course; the second demo student is not enrolled in it. */
const DEMO_COURSE_ID = '00000000-0000-4000-8000-00000000c001';
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const PUSH_OFF = 'This device does not receive push notifications.';
const SUBSCRIBE_FAILED = 'This browser could not sign up with its push service, so this device cannot receive push notifications right now. Check the connection and try again later; the other channels keep working.';

/** An access token of a demo account, signed in through the API. */
async function tokenOf(baseUrl: string, account: { tenant: string; email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account),
  });
  const body = (await response.json()) as { tokens?: { accessToken: string } };
  if (!body.tokens) throw new Error(`sign-in of ${account.email} failed (${response.status}): ${JSON.stringify(body)}`);
  return body.tokens.accessToken;
}

/**
 * The demo sends nothing by itself: the second student asks for course news by email and enrolls in the
 * tour course, so notify emails them "You are enrolled" (written to the data folder: no SMTP here).
 */
async function produceDelivery(baseUrl: string): Promise<void> {
  const student2 = { ...demo.student, email: 'student2@demo.tessera.localhost' };
  const headers = { authorization: `Bearer ${await tokenOf(baseUrl, student2)}`, 'content-type': 'application/json' };
  const preferences = await fetch(`${baseUrl}/api/v1/notifications/preferences`, { headers });
  const changed = await fetch(`${baseUrl}/api/v1/notifications/preferences`, {
    method: 'PUT', headers: { ...headers, 'if-match': preferences.headers.get('etag') ?? '"1"' },
    body: JSON.stringify({ categories: { course_updates: { email: true } } }),
  });
  expect(changed.status).toBe(200);
  const enrolled = await fetch(`${baseUrl}/api/v1/courses/${DEMO_COURSE_ID}/enroll`, { method: 'POST', headers, body: '{}' });
  expect(enrolled.status, await enrolled.clone().text()).toBeLessThan(300);
}

describe.skipIf(!browserAvailable)('notification administration and channels in a browser', () => {
  const suite = browserSuite();

  it('lets the tenant admin read the delivery log and set the email brand and send limit', async () => {
    await produceDelivery(suite.server.url);
    const { context, page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('notify-admin', page);
    await signIn(page, suite.server.url, demo.admin);
    await page.waitForURL(/\/admin\/users$/);

    // The delivery log, from the main navigation: the enrolment email, sent on its first try.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications', exact: true }).click();
    await page.waitForURL(/\/admin\/notifications\/deliveries$/);
    const delivery = page.getByTestId('delivery');
    await eventually(async () => {
      if (await delivery.count() === 0) await page.reload();
      return delivery.count();
    }, { timeout: 30_000, interval: 1_000 }).toBeGreaterThan(0);
    const cells = await delivery.first().getByRole('cell').allTextContents();
    expect(cells.slice(0, 4)).toEqual(['Email', 'Sent', '1', '—']);
    await journey.screen('delivery-log');

    // Filtered to failures: none.
    await page.getByLabel('Status').selectOption('failed');
    await eventually(() => page.getByText('No delivery has this status.').count()).toBe(1);
    expect(page.url()).toMatch(/status=failed$/);
    await journey.screen('delivery-log-failed');
    await page.getByLabel('Status').selectOption('');
    await eventually(() => delivery.count()).toBeGreaterThan(0);

    // The settings: a bad colour is refused by the API and named beside its field.
    await page.getByRole('navigation', { name: 'Notification administration' }).getByRole('link', { name: 'Sending settings' }).click();
    await page.waitForURL(/\/admin\/notifications\/settings$/);
    await eventually(() => page.getByTestId('effective-rate').textContent()).toBe('In force: the platform\'s limit of 600 messages a minute.');
    await journey.screen('settings');
    const colour = page.getByLabel('Brand colour');
    await colour.fill('blue');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await eventually(() => colour.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await colour.getAttribute('id')}-error`).textContent())
      .toBe('Write the colour as # followed by six hexadecimal digits, e.g. #4338ca.');
    expect(await page.getByText('Some fields need a change: see the messages beside them.').count()).toBe(1);
    await journey.screen('settings-bad-colour');

    // Brand and limit saved; a reload shows them.
    await page.getByLabel('Brand name').fill('Demo University');
    await colour.fill('#4338ca');
    await page.getByLabel('Messages per minute').fill('120');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await eventually(() => page.getByText('The sending settings are saved.').count()).toBe(1);
    await page.reload();
    await eventually(() => page.getByTestId('effective-rate').textContent()).toMatch(/^In force: your limit of 120 messages a minute\./);
    expect(await page.getByLabel('Brand name').inputValue()).toBe('Demo University');
    expect(await colour.inputValue()).toBe('#4338ca');
    expect(await colour.getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByLabel('Messages per minute').inputValue()).toBe('120');
    await journey.screen('settings-saved');

    // Both pages fit a phone.
    await page.setViewportSize(PHONE);
    await journey.screen('settings-phone');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.goto(`${suite.server.url}/admin/notifications/deliveries`);
    await eventually(() => delivery.count()).toBeGreaterThan(0);
    await journey.screen('delivery-log-phone');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    expect(errors).toEqual([]);
    expect(journey.findings).toEqual([]);
    await context.close();
  }, 150_000);

  it('registers the push service worker for a student, and says plainly that this browser cannot subscribe', async () => {
    const { context, page, errors } = await openPage(suite.browser, PHONE);
    await context.grantPermissions(['notifications'], { origin: suite.server.url });
    const journey = new Journey('notify-push', page);
    await signIn(page, suite.server.url, demo.student);
    await page.goto(`${suite.server.url}/account/notifications`);
    const push = page.getByTestId('push-section');
    await eventually(() => push.getByTestId('push-state').textContent()).toBe(PUSH_OFF);
    expect(await push.getByText('No device receives your push notifications yet.').count()).toBe(1);
    await journey.screen('push-off');

    await push.getByRole('button', { name: 'Turn on notifications on this device' }).click();
    await eventually(() => push.getByTestId('push-failure').count()).toBe(1);
    // The worker is installed and active (served from /assets/, its scope)...
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration('/assets/');
      return { script: registration?.active?.scriptURL ?? null, state: registration?.active?.state ?? null, permission: Notification.permission };
    });
    expect(worker).toEqual({ script: `${suite.server.url}/assets/push-sw.js`, state: 'activated', permission: 'granted' });
    // ...but Chromium refuses the subscription: a Playwright context is off the record, where Chrome has no Push API
    // (crbug.com/41124656), and it says so as a refused registration although notifications are allowed.
    expect(await push.getByTestId('push-failure').textContent()).toBe(SUBSCRIBE_FAILED);
    expect(await push.getByText('The browser said: AbortError: Registration failed - permission denied').count()).toBe(1);
    // Nothing was sent to the server: still off, no device.
    expect(await push.getByTestId('push-state').textContent()).toBe(PUSH_OFF);
    expect(await push.getByText('No device receives your push notifications yet.').count()).toBe(1);
    await journey.screen('push-failed');

    // SMS: a number not in international form is named beside the field; this platform sends no SMS, and says so.
    const phone = page.getByTestId('phone-section');
    await phone.getByLabel('Mobile number').fill('0612345678');
    await phone.getByRole('button', { name: 'Send a code' }).click();
    await eventually(() => phone.getByText('Write the number as + followed by the country code and the number, e.g. +33612345678.').count()).toBe(1);
    await phone.getByLabel('Mobile number').fill('+33 6 12 34 56 78');
    await phone.getByRole('button', { name: 'Send a code' }).click();
    await eventually(() => phone.getByRole('alert').textContent()).toBe('This platform sends no SMS, so no phone number can be added');
    await journey.screen('phone-unavailable');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    expect(errors).toEqual([]);
    expect(journey.findings).toEqual([]);
    await context.close();
  }, 90_000);

  it('gives up on a push service that does not answer, in a browser profile where Chromium does offer push', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'tessera-push-profile-'));
    const { context, page, errors } = await openProfile(profile, DESKTOP);
    try {
      await context.grantPermissions(['notifications'], { origin: suite.server.url });
      await signIn(page, suite.server.url, demo.student);
      await page.goto(`${suite.server.url}/account/notifications`);
      const push = page.getByTestId('push-section');
      await eventually(() => push.getByTestId('push-state').textContent()).toBe(PUSH_OFF);
      await push.getByRole('button', { name: 'Turn on notifications on this device' }).click();
      // Chromium asks Google's push service (GCM), which the browser's flags point at a closed local port: it
      // keeps retrying without an answer, and the page stops waiting after 30 seconds.
      await eventually(() => push.getByTestId('push-failure').count(), { timeout: 60_000, interval: 500 }).toBe(1);
      expect(await push.getByTestId('push-failure').textContent()).toBe(SUBSCRIBE_FAILED);
      expect(await push.getByText('The browser said: Error: no answer from the push service within 30 seconds').count()).toBe(1);
      expect(await push.getByTestId('push-state').textContent()).toBe(PUSH_OFF);
      expect(await push.getByText('No device receives your push notifications yet.').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  }, 120_000);
});
