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
    const died = server?.process.exit;
    await browser?.close();
    await server?.stop();
    // A server that ended before its journeys did explains what they saw (refused connections, screens that never
    // came): said on the first line, which is what the run's summary repeats, with the end of its log below.
    if (died && server) throw new Error(`the web server of these journeys ended while they ran (exit ${JSON.stringify(died)}): ${lastLines(server.process.stderr() || server.process.stdout(), 1)}\n${lastLines(server.process.output(), 40)}`);
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

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
