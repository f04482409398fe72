import type { Tx } from '@tessera/platform';
import type { Accommodation } from '../contract/exams.js';
import type { AssessmentDatabase } from './assessment.table.js';

type Db = Tx<AssessmentDatabase>;

const NONE = { extraTimePercent: 0, extraMinutes: 0, extraAttempts: 0, note: null };

export async function findAccommodation(tx: Db, tenantId: string, examId: string, userId: string): Promise<Accommodation> {
  const row = await tx.selectFrom('assessment.accommodations').selectAll().where('tenant_id', '=', tenantId).where('exam_id', '=', examId)
    .where('user_id', '=', userId).executeTakeFirst();
  return row ? toAccommodation(row) : { userId, ...NONE };
}

export async function listAccommodations(tx: Db, tenantId: string, examId: string): Promise<Accommodation[]> {
  const rows = await tx.selectFrom('assessment.accommodations').selectAll().where('tenant_id', '=', tenantId).where('exam_id', '=', examId)
    .orderBy('user_id').limit(10_000).execute();
  return rows.map(toAccommodation);
}

export async function saveAccommodation(tx: Db, tenantId: string, examId: string, accommodation: Accommodation): Promise<void> {
  const values = {
    extra_time_percent: accommodation.extraTimePercent, extra_minutes: accommodation.extraMinutes, extra_attempts: accommodation.extraAttempts,
    note: accommodation.note, updated_at: new Date(),
  };
  await tx.insertInto('assessment.accommodations').values({ tenant_id: tenantId, exam_id: examId, user_id: accommodation.userId, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'exam_id', 'user_id']).doUpdateSet(values)).execute();
}

function toAccommodation(row: { user_id: string; extra_time_percent: number; extra_minutes: number; extra_attempts: number; note: string | null }): Accommodation {
  return { userId: row.user_id, extraTimePercent: row.extra_time_percent, extraMinutes: row.extra_minutes, extraAttempts: row.extra_attempts, note: row.note };
}
