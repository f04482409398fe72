import { defineConfig } from 'vitest/config';

// Integration tests dominate: each file opens its own database (a fresh PGlite, or a fresh PostgreSQL
// database), its own bus namespace and cache prefix, so files run in parallel without seeing each other.
export default defineConfig({
  test: {
    include: ['{packages,services,apps}/*/test/**/*.test.{ts,tsx}', 'apps/web/e2e/**/*.test.ts', 'bench/test/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    // On a loaded CI machine a journey or a fault test can lose a race with the clock once; a second try
    // tells that apart from a broken behaviour, and the summary reporter names every test that needed it
    // (`flaky:` lines), so a retry never hides a pattern.
    retry: process.env.CI ? 1 : 0,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
