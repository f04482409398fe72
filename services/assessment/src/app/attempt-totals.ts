import type { Tx } from '@tessera/platform';
import type { SlotOutcome } from '../contract/attempts.js';
import type { ExamVersion } from '../contract/exams.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { adaptiveTotals } from '../domain/adaptive-exam.js';
import { totalsOf, type AttemptScore } from '../domain/score-attempt.js';
import { adaptivePoolOf } from './adaptive-pool.js';
import type { AssessmentDeps } from './deps.js';

/** An attempt's totals, and for an adaptive exam the ability estimate they come from. */
export type Totals = Omit<AttemptScore, 'items'> & { ability: { theta: number; standardError: number } | null };

/** The totals of graded slots: points summed, or for an adaptive exam the domain score at the estimated ability. */
export async function totalsFor(deps: Pick<AssessmentDeps, 'db'>, tx: Tx<AssessmentDatabase>, tenantId: string, exam: ExamVersion, items: readonly SlotOutcome[], penaltyPercent: number): Promise<Totals> {
  if (!exam.settings.adaptive) return { ...totalsOf(items, exam.settings, penaltyPercent), ability: null };
  return adaptiveTotals(items, await adaptivePoolOf(deps, tenantId, exam, tx), exam.settings, penaltyPercent);
}
