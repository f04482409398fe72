import { expect, it } from 'vitest';
import { silentLogger, startJobs, type ServiceJob } from '../src/index.js';

/** A promise with its resolver, to hold a run open until the test lets it finish. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

it('runs a job at once and again after each run, never two runs at a time, and carries on after a failure', async () => {
  let active = 0;
  let mostAtOnce = 0;
  let runs = 0;
  const enoughRuns = deferred();
  const job: ServiceJob = {
    name: 'test.counting',
    everyMs: 1,
    async run() {
      active += 1;
      mostAtOnce = Math.max(mostAtOnce, active);
      runs += 1;
      try {
        await new Promise((resolve) => setImmediate(resolve));
        if (runs === 2) throw new Error('a failing run');
        if (runs === 5) enoughRuns.resolve();
      } finally {
        active -= 1;
      }
    },
  };
  const jobs = startJobs([job], silentLogger());
  await enoughRuns.promise;
  await jobs.stop();
  expect(runs).toBeGreaterThanOrEqual(5);
  expect(mostAtOnce).toBe(1);
});

it('lets a run in progress finish on stop, then starts no other', async () => {
  const started = deferred();
  const release = deferred();
  let runs = 0;
  let finished = false;
  const jobs = startJobs([{
    name: 'test.slow',
    everyMs: 60_000,
    async run() {
      runs += 1;
      started.resolve();
      await release.promise;
      finished = true;
    },
  }], silentLogger());
  await started.promise;
  const stopping = jobs.stop();
  release.resolve();
  await stopping;
  expect(finished).toBe(true);
  expect(runs).toBe(1);
});
