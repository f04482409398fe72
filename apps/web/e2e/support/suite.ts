import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startWebServer, type WebServer } from './server.js';

export interface BrowserSuite {
  /** The `tessera start --seed-demo` server of this file's journeys. */
  readonly server: WebServer;
  readonly browser: Browser;
}

/** Starting the server (migrations, demo seed, argon2 hashes) and the browser on a loaded machine. */
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;

/**
 * Registers, in the calling `describe`, a beforeAll that starts the web server and launches the browser
 * side by side and an afterAll that closes both. Read `server` and `browser` inside the tests: they exist
 * once beforeAll has run.
 */
export function browserSuite(): BrowserSuite {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, STOP_TIMEOUT_MS);
  return {
    get server() {
      if (!server) throw new Error('the web server is not started yet: read suite.server inside a test');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet: read suite.browser inside a test');
      return browser;
    },
  };
}
