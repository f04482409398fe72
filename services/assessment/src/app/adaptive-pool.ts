import { LRUCache } from 'lru-cache';
import type { Tx } from '@tessera/platform';
import type { ExamVersion } from '../contract/exams.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { itemCalibrations } from '../db/item.repository.js';
import { adaptivePool, type PoolItem } from '../domain/adaptive-exam.js';
import type { AssessmentDeps } from './deps.js';

/**
 * Pools of adaptive exam versions in this process, for the minute everyone starts and answers: parameters
 * change only when a refit calibrates items, which a student need not see within the same half minute.
 */
const pools = new LRUCache<string, PoolItem[]>({ max: 1_000, ttl: 30_000 });

/** The pool of an adaptive exam version, with each item's skills and 2PL parameters. */
export async function adaptivePoolOf(deps: Pick<AssessmentDeps, 'db'>, tenantId: string, exam: ExamVersion, within?: Tx<AssessmentDatabase>): Promise<PoolItem[]> {
  const key = `${tenantId}:${exam.examId}@${exam.version}`;
  const cached = pools.get(key);
  if (cached) return cached;
  const ids = exam.sections.flatMap((section) => (section.kind === 'draw' ? section.candidates.map((item) => item.itemId) : []));
  const read = (tx: Tx<AssessmentDatabase>) => itemCalibrations(tx, tenantId, ids);
  const calibrations = within ? await read(within) : await deps.db.withTenant<AssessmentDatabase, Awaited<ReturnType<typeof read>>>(tenantId, read);
  const pool = adaptivePool(exam, new Map(calibrations.map((item) => [item.itemId, item])));
  pools.set(key, pool);
  return pool;
}
