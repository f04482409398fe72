import type { Tx } from '@tessera/platform';
import type { AssessmentDatabase } from './assessment.table.js';

type Db = Tx<AssessmentDatabase>;

/** A published item version as catalog announced it. */
export interface ItemVersionRecord {
  itemId: string;
  version: number;
  type: string;
  skills: string[];
  difficulty: number | null;
  courseId: string | null;
  publishedAt: string;
  content: Record<string, unknown>;
  /** The author's 2PL parameters, when given. */
  parameters?: { a?: number | undefined; b?: number | undefined } | undefined;
}

/** Stores a published version (once) and raises the item's latest version. */
export async function recordItemVersion(tx: Db, tenantId: string, item: ItemVersionRecord): Promise<void> {
  await tx.insertInto('assessment.item_versions').values({
    tenant_id: tenantId, item_id: item.itemId, version: item.version, type: item.type, skills: item.skills, difficulty: item.difficulty,
    course_id: item.courseId, content: JSON.stringify(item.content), published_at: new Date(item.publishedAt),
  }).onConflict((oc) => oc.doNothing()).execute();
  await tx.insertInto('assessment.items').values({
    tenant_id: tenantId, item_id: item.itemId, latest_version: item.version, type: item.type, skills: item.skills, difficulty: item.difficulty,
    author_a: item.parameters?.a ?? null, author_b: item.parameters?.b ?? null,
  }).onConflict((oc) => oc.columns(['tenant_id', 'item_id']).doUpdateSet((eb) => ({
    latest_version: eb.ref('excluded.latest_version'), type: eb.ref('excluded.type'), skills: eb.ref('excluded.skills'), difficulty: eb.ref('excluded.difficulty'),
    author_a: eb.ref('excluded.author_a'), author_b: eb.ref('excluded.author_b'),
  })).where('assessment.items.latest_version', '<', (eb) => eb.ref('excluded.latest_version'))).execute();
}

/** The content of an item version (answers included), or undefined when assessment has not seen it. */
export async function findItemVersion(tx: Db, tenantId: string, itemId: string, version: number): Promise<Record<string, unknown> | undefined> {
  const row = await tx.selectFrom('assessment.item_versions').select('content')
    .where('tenant_id', '=', tenantId).where('item_id', '=', itemId).where('version', '=', version).executeTakeFirst();
  return row?.content;
}

/** The latest published version of each of `itemIds` that assessment knows. */
export async function latestItems(tx: Db, tenantId: string, itemIds: readonly string[]): Promise<Array<{ itemId: string; version: number; type: string }>> {
  if (itemIds.length === 0) return [];
  const rows = await tx.selectFrom('assessment.items').select(['item_id', 'latest_version', 'type'])
    .where('tenant_id', '=', tenantId).where('item_id', 'in', [...itemIds]).execute();
  return rows.map((r) => ({ itemId: r.item_id, version: r.latest_version, type: r.type }));
}

/** The tenant's items (latest versions) with any of `skills` and a difficulty in range, for a draw pool. */
export async function itemsMatching(tx: Db, tenantId: string, filter: { skills?: string[] | undefined; difficulty?: { min: number; max: number } | undefined }, limit: number): Promise<Array<{ itemId: string; version: number; type: string }>> {
  let query = tx.selectFrom('assessment.items').select(['item_id', 'latest_version', 'type']).where('tenant_id', '=', tenantId);
  if (filter.skills?.length) query = query.where('skills', '&&', filter.skills as unknown as string[]);
  if (filter.difficulty) query = query.where('difficulty', '>=', filter.difficulty.min).where('difficulty', '<=', filter.difficulty.max);
  const rows = await query.orderBy('item_id').limit(limit).execute();
  return rows.map((r) => ({ itemId: r.item_id, version: r.latest_version, type: r.type }));
}

/** What adaptive exams need of an item: its skills and what is known of its difficulty. */
export interface ItemCalibration {
  itemId: string;
  skills: string[];
  difficulty: number | null;
  authorA: number | null;
  authorB: number | null;
  calibratedA: number | null;
  calibratedB: number | null;
}

/** The skills and 2PL parameter sources of `itemIds`, for an adaptive exam's pool. */
export async function itemCalibrations(tx: Db, tenantId: string, itemIds: readonly string[]): Promise<ItemCalibration[]> {
  if (itemIds.length === 0) return [];
  const rows = await tx.selectFrom('assessment.items').select(['item_id', 'skills', 'difficulty', 'author_a', 'author_b', 'calibrated_a', 'calibrated_b'])
    .where('tenant_id', '=', tenantId).where('item_id', 'in', [...itemIds]).execute();
  return rows.map((r) => ({
    itemId: r.item_id, skills: r.skills, difficulty: r.difficulty, authorA: r.author_a, authorB: r.author_b, calibratedA: r.calibrated_a, calibratedB: r.calibrated_b,
  }));
}

/** Stores parameters calibrated from students' answers (adaptive's refit); items assessment does not know are skipped. */
export async function recordCalibrations(tx: Db, tenantId: string, items: ReadonlyArray<{ itemId: string; a: number; b: number }>): Promise<void> {
  for (const item of items) {
    await tx.updateTable('assessment.items').set({ calibrated_a: item.a, calibrated_b: item.b })
      .where('tenant_id', '=', tenantId).where('item_id', '=', item.itemId).execute();
  }
}
