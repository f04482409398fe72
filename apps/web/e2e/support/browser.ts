import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { webPackageRoot } from '../../serve/index.js';

/** Debian's chromium (`.ci/run` installs it); playwright-core never downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // A page subscribing to web push would have Chromium reach Google's push service (GCM/FCM): it fails locally instead.
  '--gcm-checkin-url=http://127.0.0.1:9/', '--gcm-registration-url=http://127.0.0.1:9/', '--gcm-mcs-endpoint=127.0.0.1:9',
];

/**
 * Browser journeys run when chromium is installed; in CI a missing browser is a failure (the launch
 * says why), elsewhere the journeys are skipped.
 */
export const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);

/** Screenshots go here, one folder per backend mode and journey; CI keeps the folder as an artifact. */
export const RESULTS_DIR = join(webPackageRoot, '../../test-results', process.env.DATABASE_URL ? 'distributed' : 'embedded');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** A fresh context (its own storage: one user) whose page fails the journey on any uncaught page error. */
export async function openPage(browser: Browser, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/**
 * A browser of its own with a profile on disk, failing the journey on any uncaught page error. `openPage`'s
 * contexts are off the record, where Chromium has no Push API at all; here it has one and uses it.
 */
export async function openProfile(userDataDir: string, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: FLAGS, viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = context.pages()[0] ?? await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** WCAG 2.1 A and AA rules of axe-core; serious or critical findings fail the screen. */
export async function seriousAccessibilityFindings(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}

/** A Server-Sent Events request: the signed-in shell holds one open (the notification bell) as long as the page lives. */
function isEventStream(request: Request): boolean {
  return request.resourceType() === 'eventsource' || (request.headers()['accept'] ?? '').includes('text/event-stream');
}

/**
 * Whether a page's network has gone quiet, not counting its event streams. Playwright's `networkidle` counts
 * a stream read with fetch (as the app reads them, to send the Authorization header) as a request that never
 * ends, so a signed-in page loaded afresh would never reach it.
 */
class NetworkQuiet {
  private readonly inFlight = new Set<Request>();
  private lastChange = Date.now();

  constructor(page: Page) {
    page.on('request', (request) => {
      if (isEventStream(request)) return;
      this.inFlight.add(request);
      this.lastChange = Date.now();
    });
    const ended = (request: Request) => {
      if (this.inFlight.delete(request)) this.lastChange = Date.now();
    };
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);
  }

  /** Resolves once nothing but streams has been in flight for `quietMs` (as `networkidle` does), or after `timeoutMs` regardless. */
  async settle(quietMs = 500, timeoutMs = 15_000): Promise<void> {
    const giveUpAt = Date.now() + timeoutMs;
    while (Date.now() < giveUpAt && (this.inFlight.size > 0 || Date.now() - this.lastChange < quietMs)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * One user's way through the app: `screen(name)` waits for the page to settle, saves a screenshot as
 * `test-results/<mode>/<journey>/<nn>-<name>.png` and runs the accessibility check on what is shown.
 */
export class Journey {
  private step = 0;
  private readonly network: NetworkQuiet;
  readonly findings: { screen: string; findings: AxeFinding[] }[] = [];

  constructor(readonly name: string, readonly page: Page) {
    this.network = new NetworkQuiet(page);
  }

  async screen(name: string): Promise<void> {
    await this.network.settle();
    await this.page.locator('[role="status"] .spinner').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    const folder = join(RESULTS_DIR, this.name);
    // A journey's folder holds this run's screenshots only.
    if (this.step === 0) await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    this.step += 1;
    await this.page.screenshot({ path: join(folder, `${String(this.step).padStart(2, '0')}-${name}.png`), fullPage: true });
    const findings = await seriousAccessibilityFindings(this.page);
    if (findings.length > 0) this.findings.push({ screen: name, findings });
  }
}

/** Signs in through the sign-in screen and waits for the landing page. */
export async function signIn(page: Page, baseUrl: string, account: { tenant: string; email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Institution').fill(account.tenant);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
