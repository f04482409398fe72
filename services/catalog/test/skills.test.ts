import { randomUUID } from 'node:crypto';
import { consumerSpec, type CloudEvent, type Subscription } from '@tessera/platform';
import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prerequisites, Skill, SkillGraphChangedData } from '../src/contract/index.js';
import { expectProblem, startCatalogKit, type CatalogKit, type Who } from './support/catalog-kit.js';

let kit: CatalogKit;
let author: Who;
let other: Who;
let subscription: Subscription;
const observed: CloudEvent[] = [];

beforeAll(async () => {
  kit = await startCatalogKit();
  subscription = await kit.platform.bus.subscribe(consumerSpec({ durable: 'catalog-skills-test', events: 'catalog.skill_graph.changed' }), async (event) => {
    observed.push(event);
  });
  kit.platform.relay.start();
  author = await kit.tenant(['instructor']);
  other = await kit.tenant(['instructor']);
});

afterAll(async () => {
  await subscription?.drain();
  await kit?.close();
});

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const requires = (who: Who, skill: Skill, ids: string[]) =>
  kit.request(who, 'PUT', `/api/v1/skills/${skill.id}/prerequisites`, { requires: ids }, ifMatch(skill.version));

describe(`skills and prerequisites (${testBackends.database}, ${testBackends.bus})`, () => {
  it('creates, lists and renames skills; names are unique per tenant', async () => {
    const skill = await kit.skill(author, 'Fractions');
    expect(skill).toMatchObject({ name: 'Fractions', description: '', prerequisites: [], version: 1 });
    expectProblem(await kit.request(author, 'POST', '/api/v1/skills', { name: 'fractions' }), 409, 'CATALOG.SKILL_NAME_TAKEN');
    expect((await kit.skill(other, 'Fractions')).name).toBe('Fractions');
    const renamed = await kit.ok<Skill>(author, 'PATCH', `/api/v1/skills/${skill.id}`, 200, { name: 'Fractions I' }, ifMatch(1));
    expect(renamed).toMatchObject({ name: 'Fractions I', version: 2 });
    expectProblem(await kit.request(author, 'PATCH', `/api/v1/skills/${skill.id}`, { name: 'x' }, ifMatch(1)), 412);
    const list = await kit.ok<{ items: Skill[] }>(author, 'GET', '/api/v1/skills', 200);
    expect(list.items.map((s) => s.name)).toContain('Fractions I');
    const student = await kit.user(author, ['student']);
    expect((await kit.ok<Skill>(student, 'GET', `/api/v1/skills/${skill.id}`, 200)).name).toBe('Fractions I');
    expectProblem(await kit.request(student, 'POST', '/api/v1/skills', { name: 'Nope' }), 403);
  });

  it('refuses a cycle with 422 naming it in order, and keeps the graph unchanged', async () => {
    const a = await kit.skill(author, `A-${randomUUID().slice(0, 4)}`);
    const b = await kit.skill(author, `B-${randomUUID().slice(0, 4)}`);
    const c = await kit.skill(author, `C-${randomUUID().slice(0, 4)}`);
    const a2 = await kit.ok<Skill>(author, 'PUT', `/api/v1/skills/${a.id}/prerequisites`, 200, { requires: [b.id] }, ifMatch(1));
    expect(a2).toMatchObject({ prerequisites: [b.id], version: 2 });
    await kit.ok<Skill>(author, 'PUT', `/api/v1/skills/${b.id}/prerequisites`, 200, { requires: [c.id] }, ifMatch(1));
    const refused = expectProblem(await requires(author, c, [a.id]), 422, 'CATALOG.PREREQUISITE_CYCLE');
    expect(refused.cycle).toEqual([c.name, a.name, b.name, c.name]);
    expect(refused.detail).toContain(`${c.name} → ${a.name} → ${b.name} → ${c.name}`);
    expect((await kit.ok<Skill>(author, 'GET', `/api/v1/skills/${c.id}`, 200)).prerequisites).toEqual([]);

    const self = expectProblem(await requires(author, c, [c.id]), 422, 'CATALOG.PREREQUISITE_CYCLE');
    expect(self.cycle).toEqual([c.name, c.name]);
    expectProblem(await requires(author, c, [randomUUID()]), 422, 'CATALOG.UNKNOWN_SKILL');
    expectProblem(await requires(author, c, [a.id, a.id]), 400);
    expectProblem(await kit.request(author, 'PUT', `/api/v1/skills/${c.id}/prerequisites`, { requires: [] }), 412, 'CONCURRENCY.IF_MATCH_REQUIRED');
  });

  it('answers transitive prerequisites of a skill with distances', async () => {
    const [x, y, z] = [await kit.skill(author, `X-${randomUUID().slice(0, 4)}`), await kit.skill(author, `Y-${randomUUID().slice(0, 4)}`), await kit.skill(author, `Z-${randomUUID().slice(0, 4)}`)];
    await kit.ok(author, 'PUT', `/api/v1/skills/${x.id}/prerequisites`, 200, { requires: [y.id] }, ifMatch(1));
    await kit.ok(author, 'PUT', `/api/v1/skills/${y.id}/prerequisites`, 200, { requires: [z.id] }, ifMatch(1));
    const answer = await kit.ok<Prerequisites>(author, 'GET', `/api/v1/skills/${x.id}/prerequisites`, 200);
    expect(answer.requires.map((r) => [r.skillId, r.depth])).toEqual([[y.id, 1], [z.id, 2]]);
    expect(await kit.ok<Prerequisites>(author, 'GET', `/api/v1/content/skill/${x.id}/prerequisites`, 200)).toEqual(answer);
  });

  it('publishes catalog.skill_graph.changed with the whole graph', async () => {
    const tenant = await kit.tenant(['instructor']);
    const p = await kit.skill(tenant, 'P');
    const q = await kit.skill(tenant, 'Q');
    await kit.ok(tenant, 'PUT', `/api/v1/skills/${p.id}/prerequisites`, 200, { requires: [q.id] }, ifMatch(1));
    const last = () => observed.filter((e) => e.tenantid === tenant.tenantId).at(-1)?.data as SkillGraphChangedData | undefined;
    await expect.poll(() => last()?.prerequisites.length, { timeout: 15_000, interval: 25 }).toBe(1);
    expect(last()).toEqual({
      // Numbered per tenant: creating P, creating Q, then the edge.
      graphVersion: 3,
      skills: [{ skillId: p.id, name: 'P' }, { skillId: q.id, name: 'Q' }],
      prerequisites: [{ skillId: p.id, requiresSkillId: q.id }],
    });
  });

  it('hides skills from other tenants: 404 on every route, nothing listed, no edges to foreign skills', async () => {
    const mine = await kit.skill(author, `Mine-${randomUUID().slice(0, 4)}`);
    for (const [method, url, body] of [
      ['GET', `/api/v1/skills/${mine.id}`], ['PATCH', `/api/v1/skills/${mine.id}`, { name: 'x' }],
      ['PUT', `/api/v1/skills/${mine.id}/prerequisites`, { requires: [] }], ['GET', `/api/v1/skills/${mine.id}/prerequisites`],
      ['GET', `/api/v1/content/skill/${mine.id}/prerequisites`],
    ] as Array<[string, string, unknown?]>) {
      const response = await kit.request(other, method, url, body, ifMatch(1));
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const theirs = await kit.skill(other, `Theirs-${randomUUID().slice(0, 4)}`);
    expectProblem(await requires(other, theirs, [mine.id]), 422, 'CATALOG.UNKNOWN_SKILL');
    const listed = await kit.ok<{ items: Skill[] }>(other, 'GET', '/api/v1/skills?limit=100', 200);
    expect(listed.items.map((s) => s.id)).not.toContain(mine.id);
  });
});
