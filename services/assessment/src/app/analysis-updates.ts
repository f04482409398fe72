import type { Tx } from '@tessera/platform';
import {
  applyExamDelta, applyItemDelta, emptyExamStats, emptyItemStats, examContribution, itemContribution,
  type ExamStats, type ExamStatsDelta, type ItemStats, type ItemStatsDelta,
} from '../analysis/index.js';
import type { ExamVersion } from '../contract/exams.js';
import { ensureStatsRow, latestItemContents, lockStatsRows, writeStatsRows } from '../db/analysis.repository.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import type { SubmissionRecord } from '../db/submission.repository.js';

type Db = Tx<AssessmentDatabase>;

/** A submission as the analysis sees it (the grading round does not matter). */
export type AnalysedSubmission = Omit<SubmissionRecord, 'gradingRound'>;

/** How many rows each exam's (and item's) statistics are spread over; see the 0002 migration. */
export const ANALYSIS_SHARDS = 8;
/** The subject of an exam's own statistics; the other subjects are item ids. */
export const EXAM_SUBJECT = 'exam';

/** Item types whose outcome names the options chosen: they count distractors. */
const CHOICE_TYPES = new Set(['single_choice', 'multiple_choice', 'true_false']);

/**
 * Keeps the exam's item analysis up to date inside the grading transaction that changed `record`: first
 * takes out what `previous` (the same submission before a regrade or a manual grade) contributed, then adds
 * what `record` contributes. Call it with `previous` null when a submission is graded for the first time.
 *
 * Only a submission whose status is 'graded' (every slot scored) is in the analysis: its total is then final,
 * and every item statistic includes that total. One still waiting for a person (essays) or the code runner
 * enters when the grade that completes it is recorded (with the pending record as `previous`, which
 * contributed nothing). Because every item's statistics include the attempt total, a changed score takes
 * out and puts back the contributions of every item of the attempt, not only the rescored one.
 *
 * The totals here are the sums of the slot scores, before a late penalty and the floor at 0: the analysis
 * describes the items, and alpha needs totals that are exactly the sum of their parts.
 */
export async function recordInAnalysis(tx: Db, tenantId: string, record: AnalysedSubmission,
  exam: Pick<ExamVersion, 'sections'>, previous?: AnalysedSubmission | null): Promise<void> {
  const types = itemTypesOf(exam);
  const removed = previous && inAnalysis(previous) ? contributionsOf(previous, types) : null;
  const added = inAnalysis(record) ? contributionsOf(record, types) : null;
  if (!removed && !added) return;
  const shard = analysisShardOf(record.id);
  const itemIds = [...new Set([...(removed?.items.keys() ?? []), ...(added?.items.keys() ?? [])])].sort();
  const held = await lockShard(tx, tenantId, record.examId, shard, itemIds);
  let examStats = held.exam;
  const itemStats = new Map<string, ItemStats>();
  const missing = itemIds.filter((id) => !held.items.has(id));
  const points = new Map([...(removed?.points ?? []), ...(added?.points ?? [])]);
  const seeds = await emptyStatsOf(tx, tenantId, missing, points, types);
  for (const itemId of itemIds) {
    let stats = held.items.get(itemId) ?? seeds.get(itemId)!;
    const out = removed?.items.get(itemId);
    const into = added?.items.get(itemId);
    for (const delta of out ?? []) stats = applyItemDelta(stats, delta, -1);
    for (const delta of into ?? []) stats = applyItemDelta(stats, delta, 1);
    itemStats.set(itemId, stats);
  }
  if (removed) examStats = applyExamDelta(examStats, removed.exam, -1);
  if (added) examStats = applyExamDelta(examStats, added.exam, 1);
  await writeShard(tx, tenantId, record.examId, shard, examStats, itemStats);
}

/** Whether a submission's scores are final and so counted in the analysis. */
export function inAnalysis(record: Pick<AnalysedSubmission, 'status'>): boolean {
  return record.status === 'graded';
}

/** The shard a submission's contributions live in: every version of it (regrades) lands in the same one. */
export function analysisShardOf(submissionId: string): number {
  // FNV-1a: stable across processes and releases, unlike anything keyed on memory.
  let hash = 0x811c9dc5;
  for (let i = 0; i < submissionId.length; i++) {
    hash ^= submissionId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % ANALYSIS_SHARDS;
}

/** What one graded submission adds: to the exam, and per item (a list, for an item placed in two slots). */
interface Contributions {
  exam: ExamStatsDelta;
  items: Map<string, ItemStatsDelta[]>;
  /** Points per item, to create its statistics. */
  points: Map<string, number>;
}

function contributionsOf(record: AnalysedSubmission, types: ReadonlyMap<string, string>): Contributions {
  const slotScores = Object.fromEntries(record.items.map((item) => [item.slot, item.score ?? 0]));
  const total = Object.values(slotScores).reduce((sum, score) => sum + score, 0);
  const items = new Map<string, ItemStatsDelta[]>();
  const points = new Map<string, number>();
  for (const outcome of record.items) {
    const type = types.get(outcome.itemId);
    const isChoice = type === undefined ? outcome.selected.length > 0 : CHOICE_TYPES.has(type);
    const delta = itemContribution(outcome.score ?? 0, outcome.correct === true, total, isChoice ? outcome.selected : null);
    items.set(outcome.itemId, [...(items.get(outcome.itemId) ?? []), delta]);
    if (!points.has(outcome.itemId)) points.set(outcome.itemId, outcome.maxScore);
  }
  return { exam: examContribution({ slotScores, maxPoints: record.maxScore, passed: record.passed === true }), items, points };
}

/** Item id → type, for every item an attempt of the exam version can hold. */
export function itemTypesOf(exam: Pick<ExamVersion, 'sections'>): Map<string, string> {
  const types = new Map<string, string>();
  for (const section of exam.sections) {
    for (const item of section.kind === 'fixed' ? [section.item] : section.candidates) types.set(item.itemId, item.type);
  }
  return types;
}

interface HeldShard {
  exam: ExamStats;
  items: Map<string, ItemStats>;
}

/**
 * Locks one shard of an exam's statistics. The exam row is locked first (created if missing): every writer
 * of the shard takes it before anything else, so it serialises them and item rows can never be taken in a
 * conflicting order; the item rows follow in sorted order all the same. Missing item rows are then created
 * (by `writeStatsRows`) under that lock, without a race.
 */
async function lockShard(tx: Db, tenantId: string, examId: string, shard: number, itemIds: readonly string[]): Promise<HeldShard> {
  await ensureStatsRow(tx, tenantId, examId, EXAM_SUBJECT, shard, emptyExamStats());
  const [examRow] = await lockStatsRows(tx, tenantId, examId, shard, [EXAM_SUBJECT]);
  if (!examRow) throw new Error(`The analysis row of exam ${examId}, shard ${shard} vanished under its lock`);
  const itemRows = await lockStatsRows(tx, tenantId, examId, shard, itemIds);
  return { exam: examRow.stats as unknown as ExamStats, items: new Map(itemRows.map((row) => [row.subject, row.stats as unknown as ItemStats])) };
}

/**
 * Empty statistics for items this shard has not seen, with the options of their latest version (the one a
 * correction is graded with), so that options nobody picked still show in the report.
 */
async function emptyStatsOf(tx: Db, tenantId: string, itemIds: readonly string[], points: ReadonlyMap<string, number>, types: ReadonlyMap<string, string>): Promise<Map<string, ItemStats>> {
  const seeds = new Map<string, ItemStats>();
  if (itemIds.length === 0) return seeds;
  const contents = await latestItemContents(tx, tenantId, itemIds);
  for (const itemId of itemIds) seeds.set(itemId, emptyItemStats(points.get(itemId) ?? 0, choiceIdsOf(types.get(itemId), contents.get(itemId)?.content)));
  return seeds;
}

/** The choices an item offers, for distractor counts: its options' ids, or true and false. */
export function choiceIdsOf(type: string | undefined, content: Readonly<Record<string, unknown>> | undefined): string[] {
  return (type ?? content?.type) === 'true_false' ? ['true', 'false'] : optionIdsIn(content);
}

/** The ids of an item content's `options`, if it has any. */
export function optionIdsIn(content: Readonly<Record<string, unknown>> | undefined): string[] {
  const options = content?.options;
  if (!Array.isArray(options)) return [];
  return options.flatMap((option: unknown) => {
    const id = (option as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}

function writeShard(tx: Db, tenantId: string, examId: string, shard: number, exam: ExamStats, items: ReadonlyMap<string, ItemStats>): Promise<void> {
  return writeStatsRows(tx, tenantId, examId, shard, [{ subject: EXAM_SUBJECT, stats: exam }, ...[...items].map(([subject, stats]) => ({ subject, stats }))]);
}
