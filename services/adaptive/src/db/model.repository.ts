import type { Tx } from '@tessera/platform';
import type { BktParams } from '../domain/learner-math.js';
import type { AdaptiveDatabase } from './adaptive.table.js';

type Db = Tx<AdaptiveDatabase>;

export interface PoolItem {
  itemId: string;
  version: number;
  type: string;
  skills: string[];
  courseId: string | null;
  difficulty: number | null;
  authorA: number | null;
  authorB: number | null;
  calibratedA: number | null;
  calibratedB: number | null;
  uses: number;
  examUses: number;
  gainSum: number;
  gainCount: number;
}

/** Every item of the tenant without its content (selection needs only what the models know of it). */
export async function poolItems(tx: Db, tenantId: string): Promise<PoolItem[]> {
  const rows = await tx.selectFrom('adaptive.items').select([
    'item_id', 'version', 'type', 'skills', 'course_id', 'difficulty', 'author_a', 'author_b', 'calibrated_a', 'calibrated_b', 'practice_uses', 'exam_uses', 'gain_sum', 'gain_n',
  ]).where('tenant_id', '=', tenantId).execute();
  return rows.map((row) => ({
    itemId: row.item_id, version: row.version, type: row.type, skills: row.skills, courseId: row.course_id, difficulty: row.difficulty,
    authorA: row.author_a, authorB: row.author_b, calibratedA: row.calibrated_a, calibratedB: row.calibrated_b,
    uses: row.practice_uses, examUses: row.exam_uses, gainSum: row.gain_sum, gainCount: row.gain_n,
  }));
}

/** One item with its content (answers included: for grading and for the student's view). */
export async function findItem(tx: Db, tenantId: string, itemId: string) {
  return tx.selectFrom('adaptive.items').selectAll().where('tenant_id', '=', tenantId).where('item_id', '=', itemId).executeTakeFirst();
}

export async function itemsByIds(tx: Db, tenantId: string, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return tx.selectFrom('adaptive.items').select(['item_id', 'content', 'skills']).where('tenant_id', '=', tenantId).where('item_id', 'in', itemIds).execute();
}

export async function skillGraphRows(tx: Db, tenantId: string) {
  const [skills, edges] = await Promise.all([
    tx.selectFrom('adaptive.skills').select(['skill_id', 'name']).where('tenant_id', '=', tenantId).execute(),
    tx.selectFrom('adaptive.prerequisites').select(['skill_id', 'requires_skill_id']).where('tenant_id', '=', tenantId).execute(),
  ]);
  return {
    names: new Map(skills.map((row) => [row.skill_id, row.name])),
    edges: edges.map((row) => ({ skillId: row.skill_id, requiresSkillId: row.requires_skill_id })),
  };
}

export async function skillParamsOf(tx: Db, tenantId: string): Promise<Map<string, BktParams>> {
  const rows = await tx.selectFrom('adaptive.skill_params').select(['skill_id', 'prior', 'learn', 'guess', 'slip', 'forget']).where('tenant_id', '=', tenantId).execute();
  return new Map(rows.map((row) => [row.skill_id, { prior: row.prior, learn: row.learn, guess: row.guess, slip: row.slip, forget: row.forget }]));
}

export async function saveSkillParams(tx: Db, tenantId: string, skillId: string, params: BktParams, responses: number, at: Date): Promise<void> {
  const values = { prior: params.prior, learn: params.learn, guess: params.guess, slip: params.slip, forget: params.forget, responses, fitted_at: at };
  await tx.insertInto('adaptive.skill_params').values({ tenant_id: tenantId, skill_id: skillId, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'skill_id']).doUpdateSet(values)).execute();
}

export async function saveCalibration(tx: Db, tenantId: string, itemId: string, calibration: { a: number; b: number; n: number }): Promise<void> {
  await tx.updateTable('adaptive.items').set({ calibrated_a: calibration.a, calibrated_b: calibration.b, calibrated_n: calibration.n })
    .where('tenant_id', '=', tenantId).where('item_id', '=', itemId).execute();
}

export interface TenantModel {
  predictor: Record<string, number> | null;
  fsrsWeights: number[] | null;
  responses: number;
  evaluation: unknown;
  fittedAt: Date;
}

export async function tenantModelOf(tx: Db, tenantId: string): Promise<TenantModel | undefined> {
  const row = await tx.selectFrom('adaptive.tenant_models').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  return row && { predictor: row.predictor as Record<string, number> | null, fsrsWeights: row.fsrs_weights, responses: row.responses, evaluation: row.evaluation, fittedAt: row.fitted_at };
}

export async function saveTenantModel(tx: Db, tenantId: string, model: TenantModel): Promise<void> {
  const values = { predictor: JSON.stringify(model.predictor), fsrs_weights: model.fsrsWeights, responses: model.responses, evaluation: JSON.stringify(model.evaluation), fitted_at: model.fittedAt };
  await tx.insertInto('adaptive.tenant_models').values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values)).execute();
  await bumpModelVersion(tx, tenantId);
}

/** The tenant's responses in each student's order, newest `limit` students' worth: what the refit learns from. */
export async function historyOf(tx: Db, tenantId: string, limit: number) {
  return tx.selectFrom('adaptive.responses').select(['id', 'user_id', 'item_id', 'skills', 'correct', 'answered_at'])
    .where('tenant_id', '=', tenantId).orderBy('user_id').orderBy('answered_at').orderBy('id').limit(limit).execute();
}

export async function tenantsWithResponses(tx: Db): Promise<string[]> {
  const rows = await tx.selectFrom('adaptive.responses').select('tenant_id').distinct().execute();
  return rows.map((row) => row.tenant_id);
}

/** Raises the tenant's model version: call in the transaction that changes what the model cache holds. */
export async function bumpModelVersion(tx: Db, tenantId: string): Promise<void> {
  await tx.insertInto('adaptive.model_versions').values({ tenant_id: tenantId, version: 1 })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet((eb) => ({ version: eb('adaptive.model_versions.version', '+', 1) }))).execute();
}

export async function modelVersionOf(tx: Db, tenantId: string): Promise<number> {
  const row = await tx.selectFrom('adaptive.model_versions').select('version').where('tenant_id', '=', tenantId).executeTakeFirst();
  return Number(row?.version ?? 0);
}
