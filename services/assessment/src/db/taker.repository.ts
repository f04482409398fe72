import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { AssessmentDatabase } from './assessment.table.js';

/** What starting an attempt needs to know of the student, read in one statement. */
export interface TakerContext {
  enrolled: boolean;
  attemptsUsed: number;
  inProgressId: string | null;
  extraTimePercent: number;
  extraMinutes: number;
  extraAttempts: number;
}

export async function takerContext(tx: Tx<AssessmentDatabase>, tenantId: string, examId: string, courseId: string, userId: string): Promise<TakerContext> {
  const { rows } = await sql<{ enrolled: boolean; used: number; in_progress: string | null; pct: number | null; mins: number | null; extra: number | null }>`
    select
      exists (select 1 from assessment.enrollments e where e.tenant_id = ${tenantId} and e.course_id = ${courseId}
              and e.user_id = ${userId} and e.status in ('active', 'completed')) as enrolled,
      (select count(*)::int from assessment.attempts a where a.tenant_id = ${tenantId} and a.exam_id = ${examId} and a.user_id = ${userId}) as used,
      (select a.id from assessment.attempts a where a.tenant_id = ${tenantId} and a.exam_id = ${examId} and a.user_id = ${userId}
              and a.status = 'in_progress' order by a.number desc limit 1) as in_progress,
      c.extra_time_percent as pct, c.extra_minutes as mins, c.extra_attempts as extra
    from (select 1) one
    left join assessment.accommodations c on c.tenant_id = ${tenantId} and c.exam_id = ${examId} and c.user_id = ${userId}`.execute(tx);
  const row = rows[0];
  return {
    enrolled: row?.enrolled ?? false, attemptsUsed: Number(row?.used ?? 0), inProgressId: row?.in_progress ?? null,
    extraTimePercent: row?.pct ?? 0, extraMinutes: row?.mins ?? 0, extraAttempts: row?.extra ?? 0,
  };
}
