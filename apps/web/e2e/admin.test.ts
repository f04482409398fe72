import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, DESKTOP, Journey, openPage, PHONE, signIn } from './support/browser.js';
import { demo } from './support/demo.js';
import { eventually } from './support/eventually.js';
import { browserSuite } from './support/suite.js';

const INVITATIONS_CSV = [
  'email,name,roles',
  'grace@demo.tessera.localhost,Grace Hopper,student',
  'alan@demo.tessera.localhost,Alan Turing,instructor;tutor',
  'not-an-email,Nobody,student',
].join('\n');

describe.skipIf(!browserAvailable)('administering a tenant and the platform in a browser', () => {
  const suite = browserSuite();

  it('lets the tenant admin invite users (one and from a CSV), change a role, require MFA for instructors, and the instructor then sets up an authenticator', async () => {
    const { context, page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('admin', page);
    await signIn(page, suite.server.url, demo.admin);
    await page.waitForURL(/\/admin\/users$/);
    await eventually(() => page.getByRole('link', { name: 'Ian Instructor' }).count()).toBe(1);
    await journey.screen('users');

    await inviteOne(page, journey);
    await inviteFromCsv(page, journey);
    await changeRole(page, journey);
    await requireMfaForInstructors(page, journey);
    await createAndRevokeApiKey(page, journey);
    await brand(page, journey);
    await accountAtPhoneWidth(page, journey);

    expect(journey.findings).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();

    await instructorSetsUpAuthenticator();
  }, 150_000);

  it('lets the platform admin create a tenant and suspend it, and shows the platform health', async () => {
    const { context, page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('platform', page);
    await signIn(page, suite.server.url, demo.platformAdmin);
    await page.waitForURL(/\/platform\/tenants$/);
    await eventually(() => page.getByRole('link', { name: 'demo', exact: true }).count()).toBe(1);
    await journey.screen('tenants');

    await page.getByLabel('Slug').fill('north-college');
    await page.getByLabel('Name', { exact: true }).fill('North College');
        await page.getByRole('button', { name: 'Create tenant' }).click();
    await eventually(() => page.getByRole('link', { name: 'north-college' }).count()).toBe(1);
    await journey.screen('tenant-created');

    await page.getByRole('link', { name: 'north-college' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('North College');
    await journey.screen('tenant');
    await page.getByRole('button', { name: 'Suspend tenant' }).click();
    await journey.screen('suspend-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Suspend tenant' }).click();
    await eventually(() => page.getByRole('button', { name: 'Reactivate tenant' }).count()).toBe(1);
    await eventually(() => page.getByText('Suspended', { exact: true }).count()).toBe(1);
    await journey.screen('tenant-suspended');
    // A suspended institution has no sign-in page any more.
    expect((await fetch(`${suite.server.url}/api/v1/tenants/north-college/public`)).status).toBe(404);

    await page.getByRole('link', { name: 'Health', exact: true }).click();
    await page.waitForURL(/\/platform\/health$/);
    await eventually(() => page.getByText('Ready', { exact: true }).count()).toBe(1);
    await eventually(() => page.getByRole('cell', { name: 'Current', exact: true }).count()).toBe(1);
    await journey.screen('health');

    expect(journey.findings).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  async function instructorSetsUpAuthenticator(): Promise<void> {
    const { context, page, errors } = await openPage(suite.browser, DESKTOP);
    const journey = new Journey('admin-mfa-setup', page);
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByLabel('Institution').fill(demo.tenant);
    await page.getByLabel('Email').fill(demo.instructor.email);
    await page.getByLabel('Password', { exact: true }).fill(demo.instructor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Set up an authenticator app' }).count()).toBe(1);
    const link = page.getByRole('link', { name: 'Open in an authenticator app' });
    await eventually(() => link.count()).toBe(1);
    const uri = new URL((await link.getAttribute('href')) ?? '');
    expect(uri.protocol).toBe('otpauth:');
    const secret = uri.searchParams.get('secret') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    // The key is also shown as text, in groups of four, for typing in by hand.
    expect((await page.locator('.secret-key').textContent())?.replaceAll(' ', '')).toBe(secret);
    await journey.screen('mfa-setup');

    await page.getByLabel('Code from the app').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Confirm and continue' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Your recovery codes' }).count()).toBe(1);
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    expect(await codes.count()).toBe(10);
    expect(await codes.first().textContent()).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await journey.screen('recovery-codes');

    await page.getByRole('button', { name: /I have saved them/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/teach'));
    await page.goto(`${suite.server.url}/account/security`);
    await eventually(() => page.getByText('Signing in asks for a code from your authenticator app.').count()).toBe(1);
    await journey.screen('account-security-mfa-on');

    expect(journey.findings).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }
});

async function inviteOne(page: Page, journey: Journey): Promise<void> {
  await page.getByRole('link', { name: 'Invite a user' }).click();
  await page.waitForURL(/\/admin\/users\/invite$/);
  await page.getByLabel('Email').fill('marie@demo.tessera.localhost');
  await page.getByLabel('Name').fill('Marie Curie');
  await page.getByRole('group', { name: 'Roles' }).getByLabel('Tutor').check();
  await journey.screen('invite');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await page.waitForURL(/\/admin\/users$/);
  await page.getByLabel('Status').selectOption('invited');
  await eventually(() => page.getByRole('row', { name: /Marie Curie/ }).textContent()).toMatch(/Student, Tutor.*Invited/);
  await journey.screen('users-invited');
}

async function inviteFromCsv(page: Page, journey: Journey): Promise<void> {
  await page.getByRole('link', { name: 'Invite from a CSV file' }).click();
  await page.waitForURL(/\/admin\/users\/import$/);
  await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(INVITATIONS_CSV) });
  await page.getByRole('button', { name: 'Invite these users' }).click();
  const invited = page.getByRole('table', { name: 'Invited', exact: true });
  await eventually(() => invited.getByRole('row').count()).toBe(3);
  expect(await invited.textContent()).toContain('Alan Turing');
  const refused = page.getByRole('table', { name: 'Not invited', exact: true });
  expect(await refused.getByRole('row').count()).toBe(2);
  expect(await refused.getByRole('row').nth(1).textContent()).toMatch(/^4not-an-email.*email/);
  await journey.screen('import-result');
}

async function changeRole(page: Page, journey: Journey): Promise<void> {
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await page.getByLabel('Search by name or email').fill('student2');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await eventually(() => page.getByRole('link', { name: 'Sky Student' }).count()).toBe(1);
  await page.getByRole('link', { name: 'Sky Student' }).click();
  await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sky Student');
  await page.getByRole('group', { name: 'Roles' }).getByLabel('Instructor').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Changes saved.').waitFor({ timeout: 30_000 });
  await page.reload();
  await eventually(() => page.getByRole('group', { name: 'Roles' }).getByLabel('Instructor').isChecked()).toBe(true);
  await journey.screen('user-roles');
}

async function requireMfaForInstructors(page: Page, journey: Journey): Promise<void> {
  await page.getByRole('link', { name: 'Security', exact: true }).click();
  await page.waitForURL(/\/admin\/security$/);
  const required = page.getByRole('group', { name: 'Require an authenticator app for' });
  await required.getByLabel('Instructor').check();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await page.getByText('The sign-in policy is saved.').waitFor({ timeout: 30_000 });
  await eventually(() => page.getByText('No single sign-on connection yet.').count()).toBe(1);
  await journey.screen('security');
}

async function createAndRevokeApiKey(page: Page, journey: Journey): Promise<void> {
  await page.getByRole('link', { name: 'API keys', exact: true }).click();
  await page.waitForURL(/\/admin\/api-keys$/);
  await page.getByLabel('Name', { exact: true }).fill('Roster sync');
  await page.getByLabel('Read users').check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = page.locator('code.api-key');
  await eventually(() => key.count()).toBe(1);
  const secret = (await key.textContent()) ?? '';
  expect(secret).toMatch(/^tsk_/);
  const answer = await fetch(`${new URL(page.url()).origin}/api/v1/users?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
  expect(answer.status).toBe(200);
  await journey.screen('api-key-created');
  await page.getByRole('button', { name: 'I have stored the key' }).click();
  expect(await page.locator('code.api-key').count()).toBe(0);
  await page.getByRole('button', { name: 'Revoke Roster sync' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await eventually(() => page.getByRole('row', { name: /Roster sync/ }).textContent()).toContain('Revoked');
  await journey.screen('api-keys');
}

async function brand(page: Page, journey: Journey): Promise<void> {
  await page.getByRole('link', { name: 'Branding', exact: true }).click();
  await page.waitForURL(/\/admin\/branding$/);
  await page.getByLabel('Primary colour', { exact: true }).fill('#ffdd00');
  await eventually(() => page.getByText(/hard to read/).count()).toBe(1);
  await journey.screen('branding-low-contrast');
  await page.getByLabel('Primary colour', { exact: true }).fill('#7b1fa2');
  await eventually(() => page.getByText(/hard to read/).count()).toBe(0);
  await page.getByRole('button', { name: 'Save branding' }).click();
  await eventually(() => page.getByText(/Branding saved/).count()).toBe(1);
  await journey.screen('branding');
}

async function accountAtPhoneWidth(page: Page, journey: Journey): Promise<void> {
  await page.setViewportSize(PHONE);
  await page.getByRole('link', { name: 'Account', exact: true }).click();
  await page.waitForURL(/\/account$/);
  await eventually(() => page.getByLabel('Name').inputValue()).toBe('Ada Admin');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await journey.screen('account-phone');
  await page.getByLabel('Time zone').selectOption('Europe/Paris');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Your profile is saved.').waitFor({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Devices', exact: true }).click();
  await eventually(() => page.getByText('This device').count()).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await journey.screen('account-devices-phone');
  await page.setViewportSize(DESKTOP);
}
