import { describe, expect, it } from 'vitest';
import { browserAvailable, DESKTOP, Journey, openPage, PHONE, signIn } from './support/browser.js';
import { demo } from './support/demo.js';
import { eventually } from './support/eventually.js';
import { browserSuite } from './support/suite.js';

describe.skipIf(!browserAvailable)('the app shell in a browser', () => {
  const suite = browserSuite();

  it('serves the app at / and at deep links, sends a signed-out visitor to sign in, and signs in with the tenant branding', async () => {
    const { context, page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('shell', page);
    await page.goto(`${suite.server.url}/learn/grades`);
    await page.waitForURL(/\/sign-in\?next=%2Flearn%2Fgrades/);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await page.getByLabel('Institution').fill(demo.tenant);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Demo University');
    await journey.screen('sign-in');

    await page.getByLabel('Email').fill(demo.student.email);
    await page.getByLabel('Password', { exact: true }).fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => page.getByRole('alert').first().textContent()).toMatch(/password|email/i);
    await journey.screen('sign-in-refused');

    await page.getByLabel('Password', { exact: true }).fill(demo.student.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/learn\/grades$/);
    await eventually(() => page.getByRole('link', { name: 'Demo University' }).count()).toBe(1);

    await page.getByLabel('Language').selectOption('fr');
    await eventually(() => page.getByRole('navigation', { name: 'Principal' }).getByRole('link').first().textContent()).toBe('Accueil');
    await page.getByLabel('Langue').selectOption('en');

    await page.reload();
    await eventually(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(errors).toEqual([]);
    expect(journey.findings).toEqual([]);
    await context.close();
  });

  it('fits a phone screen and keeps the API and its 404s apart from the app', async () => {
    const { context, page } = await openPage(suite.browser, PHONE);
    await signIn(page, suite.server.url, demo.student);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    const api404 = await fetch(`${suite.server.url}/api/v1/no-such-route`, { headers: { accept: 'text/html' } });
    expect(api404.status).toBe(404);
    expect(api404.headers.get('content-type')).toMatch(/problem\+json/);
    const deepLink = await fetch(`${suite.server.url}/teach/courses/anything`, { headers: { accept: 'text/html' } });
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<div id="root">');
    await context.close();
  });
});
