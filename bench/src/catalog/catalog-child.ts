/**
 * Child process of the catalog bench: catalog and enrollment on isolated backends, with their consumers and
 * the outbox relay running as in the embedded server, seeded (see seed.ts) and listening on loopback. It
 * reports the seed and hands the parent the course ids and student tokens the request mixes need.
 */
import { randomUUID } from 'node:crypto';
import { catalogService } from '@tessera/catalog';
import { enrollmentService } from '@tessera/enrollment';
import { buildHttpApp, type Subscription } from '@tessera/platform';
import { runChild, tellParent } from '../kernel/child-runtime.js';
import { openBenchPlatform } from '../kernel/platform.js';
import { seedCatalog, type SeedSpec } from './seed.js';

export interface CatalogChildSpec {
  seed: SeedSpec;
  /** Distinct students who enroll (one token each). */
  students: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as CatalogChildSpec;
const modules = [catalogService, enrollmentService];

runChild(async () => {
  const bench = await openBenchPlatform(modules);
  const { platform } = bench;
  const subscriptions: Subscription[] = [];
  try {
    const app = await buildHttpApp(platform, modules);
    for (const { spec: consumer, handler } of modules.flatMap((module) => module.consumers?.(platform) ?? [])) {
      subscriptions.push(await platform.bus.subscribe(consumer, handler));
    }
    platform.relay.start();
    const { main, figures } = await seedCatalog(platform, app, spec.seed, (line) => console.log(`  · ${line}`));
    const token = (roles: string[]) => platform.tokens.issue({ subject: randomUUID(), tenantId: main.tenantId, roles });
    const students: string[] = [];
    for (let i = 0; i < spec.students; i++) students.push(`Bearer ${await token(['student'])}`);
    await tellParent({
      type: 'figures',
      figures: { seed: { ...figures }, tenantId: main.tenantId, courseIds: main.courseIds, freeCourseIds: main.freeCourseIds, students },
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    await tellParent({ type: 'ready', url, authorization: `Bearer ${await token(['student'])}`, backends: bench.backends });
    return async () => {
      await app.close();
      for (const subscription of subscriptions) await subscription.drain();
      await bench.close();
    };
  } catch (error) {
    await bench.close();
    throw error;
  }
});
