/**
 * Child process of the ingest bench: the analytics service on isolated backends with its stream processor (the
 * consumers) and the outbox relay running as in a server, listening on loopback. It hands the parent a course and
 * learners' tokens; when told to stop it reports, before cleaning up, how long after each window could close
 * (its end plus the allowed lateness) the processor closed it.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { analyticsService } from '@tessera/analytics';
import { buildHttpApp, toCloudEvent, type Subscription } from '@tessera/platform';
import { testTenant } from '@tessera/platform/testing';
import { runChild, tellParent } from '../kernel/child-runtime.js';
import { openBenchPlatform } from '../kernel/platform.js';

export interface IngestChildSpec {
  /** Learners sending events (one token each). */
  learners: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as IngestChildSpec;
const modules = [analyticsService];

runChild(async () => {
  const bench = await openBenchPlatform(modules);
  const { platform } = bench;
  const subscriptions: Subscription[] = [];
  try {
    const app = await buildHttpApp(platform, modules);
    const registrations = analyticsService.consumers!(platform);
    for (const { spec: consumer, handler } of registrations) subscriptions.push(await platform.bus.subscribe(consumer, handler));
    platform.relay.start();
    const admin = await testTenant(platform, ['tenant_admin']);
    const courseId = randomUUID();
    const courses = registrations.find((registration) => registration.spec.durable === 'analytics-courses')!;
    await courses.handler(toCloudEvent({ name: 'catalog.course.published', subject: courseId, data: { courseId, title: 'Bench course', version: 1 } }, { tenantId: admin.tenantId }), { attempt: 1, subject: 'bench' });
    const learners: string[] = [];
    for (let i = 0; i < spec.learners; i++) learners.push(`Bearer ${await platform.tokens.issue({ subject: randomUUID(), tenantId: admin.tenantId, roles: ['student'] })}`);
    const instructor = `Bearer ${await platform.tokens.issue({ subject: randomUUID(), tenantId: admin.tenantId, roles: ['instructor'] })}`;
    await tellParent({ type: 'figures', figures: { tenantId: admin.tenantId, courseId, learners, instructor } });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    await tellParent({ type: 'ready', url, authorization: instructor, backends: bench.backends });
    return async () => {
      await app.close();
      for (const subscription of subscriptions) await subscription.drain();
      const lateness = platform.config.ANALYTICS_ALLOWED_LATENESS_MS;
      const rows = await platform.db.withSystem(async (tx) => (await sql<{ start_ms: number; delay_ms: number }>`
        select extract(epoch from window_start)::float8 * 1000 as start_ms,
               extract(epoch from (updated_at - window_start))::float8 * 1000 - ${60_000 + lateness} as delay_ms
        from analytics.windows where tenant_id = ${admin.tenantId} and closed order by window_start`.execute(tx)).rows);
      await tellParent({ type: 'figures', figures: { windows: rows.map((row) => ({ startMs: Number(row.start_ms), delayMs: Number(row.delay_ms) })) } });
      await bench.close();
    };
  } catch (error) {
    await bench.close();
    throw error;
  }
});
