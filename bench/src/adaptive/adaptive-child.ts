/**
 * Child process of the adaptive bench: the adaptive service on isolated backends as one server process runs
 * it (routes, its consumers, the outbox relay and its jobs), listening on loopback. The parent asks it to seed
 * the tenant (seed.ts), which ends with the scheduled refit fitting the tenant's models on the history, and
 * then to emit graded exams through the outbox (exam-events.ts).
 */
import { performance } from 'node:perf_hooks';
import { adaptiveService } from '@tessera/adaptive';
import { buildHttpApp, startJobs, type Platform, type RunningJobs, type Subscription } from '@tessera/platform';
import { sql } from 'kysely';
import { runChild, tellParent } from '../kernel/child-runtime.js';
import { openBenchPlatform } from '../kernel/platform.js';
import { answerCalls } from '../exam-day/rpc.js';
import { GradedExams, type GradedRequest } from './exam-events.js';
import { seedAdaptive, type SeedFigures, type SeedSpec } from './seed.js';

export interface SeedResult {
  tenantId: string;
  courseId: string;
  userIds: string[];
  /** `Bearer <token>` per student, in the order of `userIds`. */
  authorizations: string[];
  figures: SeedFigures & { refitSeconds: number; tokenSeconds: number; refit: { responses: number; evaluation: unknown } };
}

const REFIT_TIMEOUT_MS = 600_000;
const log = (line: string) => console.log(`  · ${line}`);

runChild(async () => {
  const bench = await openBenchPlatform([adaptiveService]);
  const { platform } = bench;
  const subscriptions: Subscription[] = [];
  let jobs: RunningJobs | undefined;
  try {
    const app = await buildHttpApp(platform, [adaptiveService]);
    for (const { spec: consumer, handler } of adaptiveService.consumers?.(platform) ?? []) subscriptions.push(await platform.bus.subscribe(consumer, handler));
    platform.relay.start();
    let exams: GradedExams | undefined;
    answerCalls({
      seed: async (spec: SeedSpec): Promise<SeedResult> => {
        const { tenant, figures } = await seedAdaptive(platform, spec, log);
        // The jobs start as a server's do: the refit finds a tenant with history and no fitted model, and fits it.
        let started = performance.now();
        jobs = startJobs(adaptiveService.jobs?.(platform) ?? [], platform.logger);
        const refit = await fittedModel(platform, tenant.tenantId);
        const refitSeconds = (performance.now() - started) / 1000;
        log(`seed: the refit job fitted the tenant's models on ${refit.responses} responses in ${refitSeconds.toFixed(1)} s`);
        started = performance.now();
        const authorizations: string[] = [];
        for (const subject of tenant.userIds) {
          authorizations.push(`Bearer ${await platform.tokens.issue({ subject, tenantId: tenant.tenantId, roles: ['student'] })}`);
        }
        exams = new GradedExams(platform, tenant);
        return {
          tenantId: tenant.tenantId, courseId: tenant.courseId, userIds: tenant.userIds, authorizations,
          figures: { ...figures, refitSeconds, tokenSeconds: (performance.now() - started) / 1000, refit },
        };
      },
      graded: async (request: GradedRequest) => {
        if (!exams) throw new Error('call "seed" first');
        return exams.emit(request);
      },
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    await tellParent({ type: 'ready', url, authorization: null, backends: bench.backends });
    return async () => {
      await app.close();
      for (const subscription of subscriptions) await subscription.drain();
      await jobs?.stop();
      await bench.close();
    };
  } catch (error) {
    for (const subscription of subscriptions) await subscription.drain().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await bench.close();
    throw error;
  }
});

/** Waits for the refit job to store the tenant's fitted model. */
async function fittedModel(platform: Platform, tenantId: string): Promise<{ responses: number; evaluation: unknown }> {
  const deadline = performance.now() + REFIT_TIMEOUT_MS;
  for (;;) {
    const { rows } = await platform.db.withTenant(tenantId, (tx) => sql<{ responses: number; evaluation: unknown }>`
      select responses, evaluation from adaptive.tenant_models where tenant_id = ${tenantId}`.execute(tx));
    if (rows[0]) return rows[0];
    if (performance.now() > deadline) throw new Error(`the refit job fitted no model within ${REFIT_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
