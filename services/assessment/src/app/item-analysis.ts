import {
  emptyExamStats, emptyItemStats, examReport, itemReport, mergeAllExamStats, mergeItemStats, type ExamStats, type ItemStats,
} from '../analysis/index.js';
import type { ExamAnalysis, ItemAnalysis } from '../contract/analysis.js';
import type { ExamVersion } from '../contract/exams.js';
import { latestItemContents, statsRowsOfExam, type StatsRow } from '../db/analysis.repository.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { findExam } from '../db/exam.repository.js';
import { choiceIdsOf, EXAM_SUBJECT } from './analysis-updates.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentErrors } from './errors.js';
import { examVersion } from './exam-versions.js';

/**
 * An exam's item analysis, read from the running statistics the grading transactions keep (their shards
 * added up): a handful of rows per item, so it answers as fast for 10,000 attempts as for 10. Items of the
 * published version nobody has been graded on yet are listed with empty statistics.
 */
export async function examAnalysis(deps: Pick<AssessmentDeps, 'db' | 'cache'>, tenantId: string, examId: string): Promise<ExamAnalysis> {
  return deps.db.withTenant<AssessmentDatabase, ExamAnalysis>(tenantId, async (tx) => {
    const exam = await findExam(tx, tenantId, examId);
    if (!exam) throw assessmentErrors.examNotFound(examId);
    const published = exam.publishedVersion === null ? undefined : await examVersion(deps, tenantId, examId, exam.publishedVersion, tx);
    const rows = await statsRowsOfExam(tx, tenantId, examId);
    const examParts = rows.filter((row) => row.subject === EXAM_SUBJECT).map((row) => row.stats as unknown as ExamStats);
    const merged = mergedItemStats(rows);
    const listed = itemsOfVersion(published);
    const itemIds = [...new Set([...listed.keys(), ...[...merged.keys()].sort()])];
    const contents = await latestItemContents(tx, tenantId, itemIds);
    const items = itemIds.map((itemId): ItemAnalysis => {
      const content = contents.get(itemId)?.content;
      const version = listed.get(itemId);
      const stats = merged.get(itemId) ?? emptyItemStats(version?.points ?? 0, choiceIdsOf(version?.type, content));
      return { itemId, title: typeof content?.title === 'string' ? content.title : null, ...itemReport(stats) };
    });
    return { exam: examReport(examParts.length > 0 ? mergeAllExamStats(examParts) : emptyExamStats()), items };
  });
}

function mergedItemStats(rows: readonly StatsRow[]): Map<string, ItemStats> {
  const merged = new Map<string, ItemStats>();
  for (const row of rows) {
    if (row.subject === EXAM_SUBJECT) continue;
    const part = row.stats as unknown as ItemStats;
    const held = merged.get(row.subject);
    merged.set(row.subject, held ? mergeItemStats(held, part) : part);
  }
  return merged;
}

/** The items an attempt of the version can hold, in the order of its sections, with their points and type. */
function itemsOfVersion(version: ExamVersion | undefined): Map<string, { points: number; type: string }> {
  const items = new Map<string, { points: number; type: string }>();
  for (const section of version?.sections ?? []) {
    for (const item of section.kind === 'fixed' ? [section.item] : section.candidates) {
      if (!items.has(item.itemId)) items.set(item.itemId, { points: section.points, type: item.type });
    }
  }
  return items;
}

