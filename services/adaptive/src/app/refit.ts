import { createHash } from 'node:crypto';
import { auc, calibrateIrt, calibrationByDecile, scoreStacked, fitBktModel, IdIndex, ResponseLogBuilder, bktParamsFor, irtItemFor, type BktModel, type IrtModel } from '@tessera/learner-models';
import type { ServiceContext, ServiceJob, Tx } from '@tessera/platform';
import { AdaptiveEvents, type ItemsCalibratedData } from '../contract/events.js';
import type { ModelSummary } from '../contract/schemas.js';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { historyOf, saveCalibration, saveSkillParams, saveTenantModel, tenantModelOf, tenantsWithResponses } from '../db/model.repository.js';
import { optimiseFsrs, type ReviewHistory } from '../domain/fsrs-optimiser.js';
import { ABILITY_PRIOR, bktUpdate, updateAbility, type BktParams } from '../domain/learner-math.js';
import { featuresOf, fitWeights, type PredictorWeights } from '../domain/predictor.js';
import type { AdaptiveDeps } from './deps.js';

export const REFIT_EVERY_MS = 6 * 60 * 60 * 1_000;
/** The most responses one refit reads (the newest students' worth): bounds memory and time. */
const MAX_RESPONSES = 300_000;
const MIN_RESPONSES = 50;
const MIN_SKILL_RESPONSES = 30;
const MIN_ITEM_RESPONSES = 20;
const CALIBRATIONS_PER_EVENT = 500;
/** Share of students whose answers judge the predictor instead of training it. */
const HELD_OUT = 0.2;

export function refitJob(deps: AdaptiveDeps & Pick<ServiceContext, 'tenantDatabases'>): ServiceJob {
  return { name: 'adaptive.refit-models', everyMs: REFIT_EVERY_MS, run: async () => { await refitAll(deps); } };
}

/** Refits every tenant with responses whose models are older than the schedule. */
export async function refitAll(deps: AdaptiveDeps & Pick<ServiceContext, 'tenantDatabases'>, now = new Date()): Promise<number> {
  const databases = [deps.db, ...await deps.tenantDatabases.openAll()];
  let refitted = 0;
  for (const database of databases) {
    const tenants = await database.withSystem<AdaptiveDatabase, string[]>((tx) => tenantsWithResponses(tx));
    for (const tenantId of tenants) {
      const model = await deps.db.withTenant<AdaptiveDatabase, Awaited<ReturnType<typeof tenantModelOf>>>(tenantId, (tx) => tenantModelOf(tx, tenantId));
      if (model && now.getTime() - model.fittedAt.getTime() < REFIT_EVERY_MS) continue;
      await refitTenant(deps, tenantId, now);
      refitted += 1;
    }
  }
  return refitted;
}

type HistoryRow = Awaited<ReturnType<typeof historyOf>>[number];

/**
 * Refits a tenant's models on its history: BKT per skill by EM (bounded so no skill degenerates; skills with
 * little data keep the pooled fit), 2PL item calibration, FSRS parameters from review outcomes, and the
 * stacked predictor's weights on a fifth of the students, judged (AUC, calibration per decile) on another.
 */
export async function refitTenant(deps: AdaptiveDeps, tenantId: string, now = new Date()): Promise<ModelSummary> {
  const { history, reviews } = await deps.db.withTenant<AdaptiveDatabase, { history: HistoryRow[]; reviews: ReviewHistory }>(tenantId, async (tx) => ({
    history: await historyOf(tx, tenantId, MAX_RESPONSES),
    reviews: await tx.selectFrom('adaptive.review_log').select(['user_id', 'skill_id', 'rating', 'elapsed_days', 'reviewed_at'])
      .where('tenant_id', '=', tenantId).orderBy('user_id').orderBy('skill_id').orderBy('reviewed_at').limit(MAX_RESPONSES).execute(),
  }));
  if (history.length < MIN_RESPONSES) return summaryOf(null, history.length, 0, 0, null, false);
  const skills = new IdIndex();
  const items = new IdIndex();
  // Weights are fitted, and judged, on students the base models did not see: difficulties fitted on the same
  // students would make the IRT term look surer than it is for a new student.
  const base = modelsOn(history.filter((row) => foldOf(row.user_id) === 'base'), skills, items);
  const weights = fitWeights(replayFeatures(history.filter((row) => foldOf(row.user_id) === 'weights'), base.paramsOf, base.itemOf));
  const evaluation = evaluate(weights, replayFeatures(history.filter((row) => foldOf(row.user_id) === 'held-out'), base.paramsOf, base.itemOf));
  // What is stored for serving is fitted on everyone.
  const { irt, paramsOf } = modelsOn(history, skills, items);
  const skillCounts = countBy(history.flatMap((row) => row.skills));
  const itemCounts = countBy(history.map((row) => row.item_id));
  const fsrsWeights = optimiseFsrs(reviews);
  await deps.db.withTenant<AdaptiveDatabase, void>(tenantId, async (tx) => {
    for (const [skillId, count] of skillCounts) if (count >= MIN_SKILL_RESPONSES) await saveSkillParams(tx, tenantId, skillId, paramsOf(skillId), count, now);
    const calibrated: ItemsCalibratedData['items'] = [];
    for (const [itemId, count] of itemCounts) {
      if (count < MIN_ITEM_RESPONSES) continue;
      const params = irt.items[items.get(itemId)];
      if (!params) continue;
      await saveCalibration(tx, tenantId, itemId, { a: params.a, b: params.b, n: count });
      calibrated.push({ itemId, a: params.a, b: params.b, responses: count });
    }
    await announceCalibrations(deps, tx, tenantId, calibrated, now);
    await saveTenantModel(tx, tenantId, { predictor: weights, fsrsWeights, responses: history.length, evaluation, fittedAt: now });
  });
  deps.models.invalidate(tenantId);
  const fittedSkills = [...skillCounts.values()].filter((count) => count >= MIN_SKILL_RESPONSES).length;
  const calibrated = [...itemCounts.values()].filter((count) => count >= MIN_ITEM_RESPONSES).length;
  return summaryOf(weights, history.length, fittedSkills, calibrated, evaluation, fsrsWeights !== null, now);
}

/** Tells other services (assessment's adaptive exams) the items' new parameters, in events of a bounded size. */
async function announceCalibrations(deps: AdaptiveDeps, tx: Tx<AdaptiveDatabase>, tenantId: string, calibrated: ItemsCalibratedData['items'], at: Date): Promise<void> {
  for (let start = 0; start < calibrated.length; start += CALIBRATIONS_PER_EVENT) {
    const data: ItemsCalibratedData = { items: calibrated.slice(start, start + CALIBRATIONS_PER_EVENT), calibratedAt: at.toISOString() };
    await deps.outbox.emit(tx, tenantId, [{ name: AdaptiveEvents.itemsCalibrated, subject: tenantId, data }]);
  }
}

/** BKT and 2PL fitted on `rows`, with lookups by the service's ids. */
function modelsOn(rows: HistoryRow[], skills: IdIndex, items: IdIndex) {
  const bkt = fitBkt(rows, skills, items);
  const irt = calibrate(rows, skills, items);
  return {
    bkt, irt,
    paramsOf: (skillId: string): BktParams => bktParamsFor(bkt, skills.get(skillId)),
    itemOf: (itemId: string, skillId: string | undefined) => irtItemFor(irt, items.get(itemId), skillId ? skills.get(skillId) : -1),
  };
}

/** One row per answer and skill (an item teaching two skills is evidence on both). */
function fitBkt(history: HistoryRow[], skills: IdIndex, items: IdIndex): BktModel {
  const users = new IdIndex();
  const log = new ResponseLogBuilder();
  for (const row of history) {
    for (const skill of row.skills) log.push(users.intern(row.user_id), items.intern(row.item_id), skills.intern(skill), row.correct);
  }
  return fitBktModel(log.build({ numItems: items.size, numSkills: skills.size }), { minObservations: MIN_SKILL_RESPONSES });
}

/** One row per answer, under the item's first skill (items that share a skill share its typical parameters). */
function calibrate(history: HistoryRow[], skills: IdIndex, items: IdIndex): IrtModel {
  const users = new IdIndex();
  const log = new ResponseLogBuilder();
  for (const row of history) log.push(users.intern(row.user_id), items.intern(row.item_id), row.skills[0] ? skills.intern(row.skills[0]) : 0, row.correct);
  return calibrateIrt(log.build({ numItems: items.size, numSkills: Math.max(1, skills.size) }), { maxIterations: 200 });
}

type Row = { values: number[]; correct: boolean };

/**
 * Replays each student's answers in order, as the service applies them: before each answer the predictor's
 * features from the state so far, then the BKT, ability and count updates.
 */
function replayFeatures(history: HistoryRow[], paramsOf: (skillId: string) => BktParams, itemOf: (itemId: string, skillId: string | undefined) => { a: number; b: number }): Row[] {
  const rows: Row[] = [];
  let user = '';
  let mastery = new Map<string, { pKnown: number; attempts: number; successes: number }>();
  let ability: { theta: number; se: number } = { ...ABILITY_PRIOR };
  for (const row of history) {
    if (row.user_id !== user) {
      user = row.user_id;
      mastery = new Map();
      ability = { ...ABILITY_PRIOR };
    }
    const item = itemOf(row.item_id, row.skills[0]);
    const states = row.skills.map((skillId) => {
      const state = mastery.get(skillId);
      return { skillId, pKnown: state?.pKnown ?? paramsOf(skillId).prior, attempts: state?.attempts ?? 0, successes: state?.successes ?? 0, params: paramsOf(skillId) };
    });
    rows.push({ values: featuresOf({ skills: states, ability, item }).values, correct: row.correct });
    for (const state of states) {
      mastery.set(state.skillId, { pKnown: bktUpdate(state.params, state.pKnown, row.correct), attempts: state.attempts + 1, successes: state.successes + (row.correct ? 1 : 0) });
    }
    ability = updateAbility(ability, item, row.correct);
  }
  return rows;
}

/** A student's fold, by a hash of their id (stable between refits): 20 % judge, 20 % fit the weights, the rest the base models. */
function foldOf(userId: string): 'held-out' | 'weights' | 'base' {
  const byte = createHash('sha256').update(userId).digest()[0]!;
  if (byte < 256 * HELD_OUT) return 'held-out';
  return byte < 256 * 2 * HELD_OUT ? 'weights' : 'base';
}

function evaluate(weights: PredictorWeights, rows: Row[]): NonNullable<ModelSummary['evaluation']> {
  const predictions = Float64Array.from(rows, (row) => scoreStacked(weights, row.values));
  const labels = Uint8Array.from(rows, (row) => (row.correct ? 1 : 0));
  const mixed = labels.some((label) => label === 1) && labels.some((label) => label === 0);
  return {
    heldOutResponses: rows.length,
    auc: mixed ? round(auc(labels, predictions)) : null,
    calibration: calibrationByDecile(labels, predictions).map((bin) => ({ ...bin, predicted: round(bin.predicted), observed: round(bin.observed) })),
  };
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function summaryOf(weights: PredictorWeights | null, responses: number, skillsFitted: number, itemsCalibrated: number, evaluation: ModelSummary['evaluation'], fsrsOptimised: boolean, at: Date | null = null): ModelSummary {
  return {
    fittedAt: at?.toISOString() ?? null, responses, skillsFitted, itemsCalibrated,
    predictor: weights ? { ...weights } : {}, fsrsOptimised, evaluation,
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

