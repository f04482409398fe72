import type { Tx } from '@tessera/platform';
import type { AssessmentDatabase } from './assessment.table.js';
import type { SubmissionRecord } from './submission.repository.js';

type Db = Tx<AssessmentDatabase>;

/** Puts every slot of the submission that needs a person (essays) in the exam's grading queue. */
export async function queueManualGrading(tx: Db, tenantId: string, record: Pick<SubmissionRecord, 'id' | 'examId' | 'items'>): Promise<void> {
  const pending = record.items.filter((item) => item.status === 'needs_manual');
  if (pending.length === 0) return;
  await tx.insertInto('assessment.manual_grades').values(pending.map((item) => ({
    tenant_id: tenantId, submission_id: record.id, slot: item.slot, exam_id: record.examId, max_score: item.maxScore,
    score: null, rubric_scores: null, comment: null, graded_by: null, graded_at: null,
  }))).onConflict((oc) => oc.doNothing()).execute();
}
