import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule, TestRunEndReason } from 'vitest/node';

/** Where the outcome of a run is written, per backend mode, for `.ci/run` to repeat at the end of its log. */
const RESULTS_DIR = 'test-results';

/**
 * Ends the run with one plain line, `tests: N passed, N failed, N skipped (…)`, that log readers (and CI
 * tooling that does not know Vitest's own summary) can parse, then one `failed:` line per reason the run
 * failed — a failed test with its first error line, and also what fails a run with every test passed: a
 * hook or suite error, a module that did not load, an unhandled error — and one `flaky:` line per test that
 * passed only on a retry. The same lines go to `test-results/summary-<mode>.txt`: a long run's log is often
 * read from its tail only, where Vitest's own failure report is long gone.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>, reason: TestRunEndReason): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const failures: string[] = [];
    const flaky: string[] = [];
    for (const module of testModules) {
      const failedTests: string[] = [];
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') {
          counts.passed++;
          if (test.diagnostic()?.flaky) flaky.push(`flaky: ${module.relativeModuleId} > ${test.fullName} (passed on retry ${test.diagnostic()?.retryCount})`);
        } else if (state === 'failed') {
          counts.failed++;
          failedTests.push(failureLine(module, test));
        } else counts.skipped++;
      }
      failures.push(...failedTests);
      if (!module.ok() && failedTests.length === 0) {
        counts.failed++;
        failures.push(...moduleErrors(module));
      }
    }
    counts.failed += unhandledErrors.length;
    for (const error of unhandledErrors) failures.push(`failed: unhandled error: ${firstLine(messageOf(error))}`);
    const lines = [`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (run ${reason})`, ...failures, ...flaky];
    process.stdout.write(`\n${lines.join('\n')}\n`);
    writeSummary(lines);
  }
}

function failureLine(module: TestModule, test: TestCase): string {
  const error = test.result().errors?.[0];
  return `failed: ${module.relativeModuleId} > ${test.fullName}: ${firstLine(error?.message)}`;
}

/** Why a module failed with no failed test: its own errors (loading, file-level hooks) or a suite's hooks. */
function moduleErrors(module: TestModule): string[] {
  const errors = [...module.errors().map((error) => `failed: ${module.relativeModuleId}: ${firstLine(error.message)}`)];
  for (const suite of module.children.allSuites()) {
    for (const error of suite.errors()) errors.push(`failed: ${module.relativeModuleId} > ${suite.fullName}: ${firstLine(error.message)}`);
  }
  return errors.length > 0 ? errors : [`failed: ${module.relativeModuleId}: module state ${module.state()} with no error reported`];
}

function messageOf(error: unknown): string {
  return (error as { message?: string } | undefined)?.message ?? String(error);
}

function firstLine(text: string | undefined): string {
  return (text ?? 'no message').split('\n')[0]?.slice(0, 300) ?? '';
}

function writeSummary(lines: readonly string[]): void {
  const mode = process.env.DATABASE_URL ? 'external' : 'embedded';
  try {
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(`${RESULTS_DIR}/summary-${mode}.txt`, `${lines.join('\n')}\n`);
  } catch {
    // The summary on stdout is what matters; a read-only checkout only loses the file.
  }
}
