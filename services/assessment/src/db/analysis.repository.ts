import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { AssessmentDatabase } from './assessment.table.js';

type Db = Tx<AssessmentDatabase>;

/** One stored part of an exam's analysis: the statistics of one subject ('exam' or an item id) in one shard. */
export interface StatsRow {
  subject: string;
  shard: number;
  stats: Record<string, unknown>;
}

/** Creates a statistics row unless it exists (an insert that finds it there neither writes nor locks it). */
export async function ensureStatsRow(tx: Db, tenantId: string, examId: string, subject: string, shard: number, stats: unknown): Promise<void> {
  await tx.insertInto('assessment.analysis_stats')
    .values({ tenant_id: tenantId, exam_id: examId, subject, shard, stats: JSON.stringify(stats) })
    .onConflict((oc) => oc.doNothing()).execute();
}

/** The rows of `subjects` in one shard, locked in subject order (rows that do not exist are simply absent). */
export async function lockStatsRows(tx: Db, tenantId: string, examId: string, shard: number, subjects: readonly string[]): Promise<StatsRow[]> {
  if (subjects.length === 0) return [];
  const rows = await tx.selectFrom('assessment.analysis_stats').select(['subject', 'shard', 'stats'])
    .where('tenant_id', '=', tenantId).where('exam_id', '=', examId).where('shard', '=', shard).where('subject', 'in', [...subjects])
    .orderBy('subject').forUpdate().execute();
  return rows.map((row) => ({ subject: row.subject, shard: Number(row.shard), stats: row.stats }));
}

/** Writes statistics rows of one shard (inserting those that are new). */
export async function writeStatsRows(tx: Db, tenantId: string, examId: string, shard: number, rows: ReadonlyArray<{ subject: string; stats: unknown }>): Promise<void> {
  if (rows.length === 0) return;
  await tx.insertInto('assessment.analysis_stats')
    .values(rows.map((row) => ({ tenant_id: tenantId, exam_id: examId, subject: row.subject, shard, stats: JSON.stringify(row.stats) })))
    .onConflict((oc) => oc.columns(['tenant_id', 'exam_id', 'subject', 'shard']).doUpdateSet((eb) => ({ stats: eb.ref('excluded.stats') })))
    .execute();
}

/** Every stored part of an exam's analysis: at most (items + 1) × shards rows, however many attempts there were. */
export async function statsRowsOfExam(tx: Db, tenantId: string, examId: string): Promise<StatsRow[]> {
  const rows = await tx.selectFrom('assessment.analysis_stats').select(['subject', 'shard', 'stats'])
    .where('tenant_id', '=', tenantId).where('exam_id', '=', examId).orderBy('subject').orderBy('shard').execute();
  return rows.map((row) => ({ subject: row.subject, shard: Number(row.shard), stats: row.stats }));
}

/** The content of each item's latest published version that assessment knows, by item id. */
export async function latestItemContents(tx: Db, tenantId: string, itemIds: readonly string[]): Promise<Map<string, { version: number; content: Record<string, unknown> }>> {
  if (itemIds.length === 0) return new Map();
  const { rows } = await sql<{ item_id: string; version: number; content: Record<string, unknown> }>`
    select v.item_id, v.version, v.content from assessment.items i
    join assessment.item_versions v on v.tenant_id = i.tenant_id and v.item_id = i.item_id and v.version = i.latest_version
    where i.tenant_id = ${tenantId} and i.item_id in (${sql.join(itemIds.map((id) => sql`${id}::uuid`))})`.execute(tx);
  return new Map(rows.map((row) => [row.item_id, { version: Number(row.version), content: row.content }]));
}
