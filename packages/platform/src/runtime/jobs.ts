import type { Logger } from '../observability/logger.js';
import { Waker } from '../util/waker.js';

/**
 * Periodic work a service asks relay processes to run (expiring overdue records, say). Every relay process runs
 * every job, so a run must be idempotent, safe alongside the same job in another process, and bounded (do at
 * most a fixed amount of work per run; what is left waits for the next one).
 */
export interface ServiceJob {
  /** Unique across services, e.g. `enrollment.expire-overdue`; names the job in logs. */
  name: string;
  /** Pause between the end of one run and the start of the next (runs never overlap). */
  everyMs: number;
  run(): Promise<void>;
}

/** Jobs started by `startJobs`; `stop` lets a run in progress finish, then starts no other. */
export interface RunningJobs {
  stop(): Promise<void>;
}

/**
 * Runs each job at once and then `everyMs` after each run ends, so a slow run delays the next instead of
 * overlapping it. A failing run is logged and the job carries on at its next turn.
 */
export function startJobs(jobs: ServiceJob[], logger: Logger): RunningJobs {
  const state = { running: true };
  const wakers = jobs.map(() => new Waker());
  const loops = jobs.map((job, index) => loop(job, wakers[index]!, state, logger));
  return {
    async stop() {
      state.running = false;
      for (const waker of wakers) waker.wake();
      await Promise.all(loops);
    },
  };
}

async function loop(job: ServiceJob, waker: Waker, state: { running: boolean }, logger: Logger): Promise<void> {
  while (state.running) {
    const started = Date.now();
    try {
      await job.run();
      logger.debug({ job: job.name, ms: Date.now() - started }, 'job ran');
    } catch (error) {
      logger.error({ err: error, job: job.name }, 'job failed; it runs again at its next turn');
    }
    if (state.running) await waker.sleep(job.everyMs);
  }
}
