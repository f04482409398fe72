import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { AnswerInput } from '../contract/attempts.js';
import type { AssessmentDatabase } from './assessment.table.js';

type Db = Tx<AssessmentDatabase>;

export interface SavedAnswer {
  slot: string;
  seq: number;
  response: Record<string, unknown> | null;
  savedAt: Date;
}

/**
 * Applies autosaved answers: per slot the highest seq wins, whatever order they arrive in, so a redelivered
 * or overtaken autosave changes nothing. Only while the attempt is in progress.
 */
export async function applyAnswers(tx: Db, tenantId: string, attemptId: string, answers: readonly AnswerInput[], savedAt: Date): Promise<void> {
  if (answers.length === 0) return;
  const rows = answers.map((a) => sql`(${tenantId}::uuid, ${attemptId}::uuid, ${a.slot}, ${a.seq}::bigint, ${JSON.stringify(a.response)}::jsonb, ${savedAt}::timestamptz)`);
  await sql`
    insert into assessment.answers (tenant_id, attempt_id, slot, seq, response, saved_at)
    select v.* from (values ${sql.join(rows)}) as v (tenant_id, attempt_id, slot, seq, response, saved_at)
    where exists (select 1 from assessment.attempts a where a.id = ${attemptId} and a.tenant_id = ${tenantId} and a.status = 'in_progress')
    on conflict (attempt_id, slot) do update set seq = excluded.seq, response = excluded.response, saved_at = excluded.saved_at
      where assessment.answers.seq < excluded.seq`.execute(tx);
}

export async function savedAnswers(tx: Db, tenantId: string, attemptId: string): Promise<SavedAnswer[]> {
  const rows = await tx.selectFrom('assessment.answers').select(['slot', 'seq', 'response', 'saved_at'])
    .where('tenant_id', '=', tenantId).where('attempt_id', '=', attemptId).execute();
  return rows.map((r) => ({ slot: r.slot, seq: Number(r.seq), response: r.response, savedAt: new Date(r.saved_at) }));
}
