import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestTenant } from '@tessera/platform/testing';
import { sql, type Insertable } from 'kysely';
import type { AdaptiveDatabase, ResponsesTable } from '../src/db/adaptive.table.js';
import { optimiseFsrs, recallLoss } from '../src/domain/fsrs-optimiser.js';
import { calibrationByDecile, worstCalibrationGap } from '@tessera/learner-models';
import { default_w } from 'ts-fsrs';
import { expectProblem, startAdaptiveKit, type AdaptiveKit } from './support/adaptive-kit.js';

/** A seeded generator, so the simulated history is the same on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => { state = (state * 16807) % 2147483647; return state / 2147483647; };
}

describe('refitting a tenant\'s models', () => {
  let kit: AdaptiveKit;
  let tenant: TestTenant;
  let admin: TestTenant;
  let skills: Record<string, string>;
  let items: string[];

  beforeAll(async () => {
    kit = await startAdaptiveKit();
    tenant = await kit.tenant();
    admin = await kit.member(tenant, ['tenant_admin']);
    skills = await kit.skills(tenant, [{ name: 'Easy' }, { name: 'Hard' }]);
    items = [];
    for (let i = 0; i < 4; i += 1) items.push(await kit.item(tenant, [i < 2 ? skills.Easy! : skills.Hard!]));
    // 120 students answering 12 items each under known BKT dynamics: Easy is learnt fast, Hard slowly.
    const random = generator(42);
    const truth = { [skills.Easy!]: { prior: 0.4, learn: 0.3 }, [skills.Hard!]: { prior: 0.1, learn: 0.05 } };
    const rows: Array<Insertable<ResponsesTable>> = [];
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let student = 0; student < 120; student += 1) {
      const userId = randomUUID();
      const known = new Map<string, boolean>();
      for (let answer = 0; answer < 12; answer += 1) {
        const itemIndex = answer % 4;
        const skill = itemIndex < 2 ? skills.Easy! : skills.Hard!;
        const state = known.get(skill) ?? random() < truth[skill]!.prior;
        const correct = state ? random() > 0.1 : random() < 0.2;
        known.set(skill, state || random() < truth[skill]!.learn);
        rows.push({
          tenant_id: tenant.tenantId, id: randomUUID(), user_id: userId, item_id: items[itemIndex]!, course_id: null, skills: [skill], correct,
          source: 'practice' as const, source_ref: `sim:${randomUUID()}`, answered_at: new Date(start + student * 3_600_000 + answer * 60_000),
        });
      }
    }
    await kit.platform.db.withTenant<AdaptiveDatabase, void>(tenant.tenantId, async (tx) => {
      for (let i = 0; i < rows.length; i += 500) await tx.insertInto('adaptive.responses').values(rows.slice(i, i + 500)).execute();
    });
  });

  afterAll(async () => kit?.close());

  it('fits BKT per skill, calibrates items and the predictor, and reports held-out quality', async () => {
    const before = (await kit.request(admin, 'GET', '/adaptive/models')).json();
    expect(before).toMatchObject({ fittedAt: null, responses: 0, skillsFitted: 0 });
    const refit = await kit.request(admin, 'POST', '/adaptive/models/refit');
    expect(refit.statusCode, refit.body).toBe(200);
    const summary = refit.json();
    expect(summary).toMatchObject({ responses: 1_440, skillsFitted: 2, itemsCalibrated: 4 });
    expect(summary.evaluation.heldOutResponses).toBeGreaterThan(100);
    expect(summary.evaluation.auc).toBeGreaterThan(0.6);
    expect(summary.evaluation.calibration.length).toBeGreaterThan(2);
    const params = await kit.platform.db.withTenant<AdaptiveDatabase, Array<{ skill_id: string; learn: number; guess: number; slip: number }>>(tenant.tenantId, (tx) =>
      tx.selectFrom('adaptive.skill_params').select(['skill_id', 'learn', 'guess', 'slip']).execute());
    const learn = Object.fromEntries(params.map((row) => [row.skill_id, row.learn]));
    expect(learn[skills.Easy!]).toBeGreaterThan(learn[skills.Hard!]!);
    for (const row of params) {
      expect(row.guess).toBeLessThanOrEqual(0.4);
      expect(row.slip).toBeLessThanOrEqual(0.4);
    }
    expect((await kit.request(admin, 'GET', '/adaptive/models')).json()).toMatchObject({ responses: 1_440, skillsFitted: 2 });
    // The calibrated parameters go to assessment's adaptive exams.
    const announced = await kit.platform.db.withSystem(async (tx) => (await sql<{ data: { items: Array<{ itemId: string; a: number; b: number; responses: number }> } }>`
      select event->'data' as data from platform.outbox where tenant_id = ${tenant.tenantId} and event->>'type' = 'tessera.adaptive.items.calibrated'`.execute(tx)).rows);
    expect(announced).toHaveLength(1);
    expect(announced[0]!.data.items.map((item) => item.itemId).sort()).toEqual([...items].sort());
    expect(announced[0]!.data.items.every((item) => item.responses === 360 && Number.isFinite(item.a) && Number.isFinite(item.b))).toBe(true);
  });

  it('is for tenant admins only', async () => {
    const instructor = await kit.member(tenant, ['instructor']);
    expectProblem(await kit.request(instructor, 'POST', '/adaptive/models/refit'), 403);
  });
});

describe('calibration and FSRS optimisation', () => {
  it('bins predictions by decile and finds the worst gap', () => {
    const bins = calibrationByDecile([0, 0, 1, 0], [0.05, 0.15, 0.95, 0.92]);
    expect(bins.map((bin) => bin.decile)).toEqual([0, 1, 9]);
    expect(bins[2]).toMatchObject({ count: 2, observed: 0.5 });
    expect(worstCalibrationGap(bins, 2)).toBeCloseTo(0.435, 3);
  });

  it('lowers the recall log-loss on a population that forgets faster than FSRS\'s defaults assume', () => {
    const random = generator(7);
    const history: Array<{ user_id: string; skill_id: string; rating: number; elapsed_days: number; reviewed_at: Date }> = [];
    for (let user = 0; user < 150; user += 1) {
      let at = Date.parse('2026-01-01T00:00:00Z');
      for (let review = 0; review < 4; review += 1) {
        const gapDays = 1 + Math.floor(random() * 6);
        at += gapDays * 86_400_000;
        // These students keep a skill for about a day: recall halves with every day away.
        const recalled = review === 0 || random() < 0.5 ** gapDays;
        history.push({ user_id: `u${user}`, skill_id: 's', rating: recalled ? 3 : 1, elapsed_days: gapDays, reviewed_at: new Date(at) });
      }
    }
    const weights = optimiseFsrs(history);
    expect(weights).not.toBeNull();
    const sequences = Array.from({ length: 150 }, (_unused, user) => history.filter((row) => row.user_id === `u${user}`).map((row) => ({ rating: row.rating as 1 | 3, at: row.reviewed_at })));
    expect(recallLoss(weights!, sequences)).toBeLessThan(recallLoss([...default_w], sequences));
    expect(optimiseFsrs(history.slice(0, 20))).toBeNull();
  });
});
