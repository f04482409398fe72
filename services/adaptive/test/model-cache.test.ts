import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestTenant } from '@tessera/platform/testing';
import { ModelCache } from '../src/app/model-cache.js';
import type { AdaptiveDatabase } from '../src/db/adaptive.table.js';
import { recordItem } from '../src/db/read-models.repository.js';
import { startAdaptiveKit, type AdaptiveKit } from './support/adaptive-kit.js';

describe('the model cache', () => {
  let kit: AdaptiveKit;
  let tenant: TestTenant;

  beforeAll(async () => {
    kit = await startAdaptiveKit();
    tenant = await kit.tenant();
  });

  afterAll(async () => kit?.close());

  /** An item written as another process would: straight to the table, no invalidation of this cache. */
  async function publishElsewhere(): Promise<string> {
    const itemId = randomUUID();
    await kit.platform.db.withTenant<AdaptiveDatabase, void>(tenant.tenantId, (tx) => recordItem(tx, tenant.tenantId, {
      itemId, version: 1, type: 'true_false', skills: [], courseId: null, content: { type: 'true_false' }, difficulty: null, authorA: null, authorB: null,
      publishedAt: new Date().toISOString(),
    }));
    return itemId;
  }

  it('serves what it loaded until the tenant\'s model version moves, then reloads in the background', async () => {
    let clock = 1_000_000;
    const cache = new ModelCache(kit.platform.db, 2_000, 300_000, () => clock);
    const first = await cache.of(tenant.tenantId);
    const itemId = await publishElsewhere();
    expect((await cache.of(tenant.tenantId)).items.has(itemId)).toBe(false);
    clock += 2_000;
    // This call starts the check and still answers with the loaded models; a later one sees the reload.
    expect(await cache.of(tenant.tenantId)).toBe(first);
    await expect.poll(async () => (await cache.of(tenant.tenantId)).items.has(itemId), { timeout: 5_000, interval: 20 }).toBe(true);
  });

  it('keeps its models when nothing changed, and reloads after `reloadMs` all the same', async () => {
    let clock = 2_000_000;
    const cache = new ModelCache(kit.platform.db, 2_000, 60_000, () => clock);
    const first = await cache.of(tenant.tenantId);
    clock += 2_000;
    await cache.of(tenant.tenantId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await cache.of(tenant.tenantId)).toBe(first);
    clock += 60_000;
    await cache.of(tenant.tenantId);
    await expect.poll(async () => (await cache.of(tenant.tenantId)) !== first, { timeout: 5_000, interval: 20 }).toBe(true);
  });
});

describe('the skill graph read model', () => {
  let kit: AdaptiveKit;

  beforeAll(async () => {
    kit = await startAdaptiveKit();
  });

  afterAll(async () => kit?.close());

  const graph = (graphVersion: number, names: string[]) => ({
    graphVersion, skills: names.map((name) => ({ skillId: skillIds[name]!, name })), prerequisites: [],
  });
  const skillIds: Record<string, string> = { Counting: randomUUID(), Addition: randomUUID(), Subtraction: randomUUID() };
  const heldNames = async (tenantId: string) => [...(await new ModelCache(kit.platform.db).of(tenantId)).graph.names.values()].sort();

  it('keeps the newest graph when an older one arrives after it, and takes a newer one', async () => {
    const tenant = await kit.tenant();
    await kit.deliver(tenant, 'catalog.skill_graph.changed', graph(3, ['Counting', 'Addition', 'Subtraction']));
    await kit.deliver(tenant, 'catalog.skill_graph.changed', graph(1, ['Counting']));
    expect(await heldNames(tenant.tenantId)).toEqual(['Addition', 'Counting', 'Subtraction']);
    await kit.deliver(tenant, 'catalog.skill_graph.changed', graph(4, ['Counting', 'Addition']));
    expect(await heldNames(tenant.tenantId)).toEqual(['Addition', 'Counting']);
  });

  it('ends with the newest graph when several are handled side by side in any order', async () => {
    const tenant = await kit.tenant();
    const graphs = [graph(1, ['Counting']), graph(2, ['Counting', 'Addition']), graph(3, ['Counting', 'Addition', 'Subtraction'])];
    await Promise.all([graphs[2], graphs[0], graphs[1], graphs[0]].map((data) => kit.deliver(tenant, 'catalog.skill_graph.changed', data)));
    expect(await heldNames(tenant.tenantId)).toEqual(['Addition', 'Counting', 'Subtraction']);
  });
});
