import { randomUUID } from 'node:crypto';
import type { TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptGate, forgetGate, type AttemptGate } from '../src/app/attempt-gate.js';
import { items, startAssessmentKit, type AssessmentKit } from './support/assessment-kit.js';

/**
 * Each API process keeps a copy of the attempt gates it has read in front of the shared cache. These pin down
 * what may and may not go stale: another process's later change is what the shared cache holds, and the
 * copy is written as this process's own cache would be by another replica.
 */
let kit: AssessmentKit;
let staff: TestTenant;
const courseId = randomUUID();
let examId: string;

beforeAll(async () => {
  kit = await startAssessmentKit();
  staff = await kit.tenant(['instructor']);
  const choice = await kit.item(staff, items.capital);
  examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId: choice, points: 1 }], settings: { timeLimitMinutes: 30, gracePeriodSeconds: 0 } });
});

afterAll(async () => kit?.close());

async function startedAttempt(): Promise<{ student: TestTenant; attemptId: string; slot: string }> {
  const student = await kit.member(staff, ['student']);
  await kit.enrolled(staff, courseId, student.subject);
  const attempt = await kit.ok<{ id: string; slots: Array<{ slot: string }> }>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
  return { student, attemptId: attempt.id, slot: attempt.slots[0]!.slot };
}

/** What another API process's write of the gate leaves in the shared cache. */
async function sharedGateSetElsewhere(gate: AttemptGate): Promise<void> {
  await kit.platform.cache.set(`assessment:attempt:${gate.tenantId}:${gate.attemptId}`, gate, 60_000);
}

describe('attempt gates held by this process', () => {
  it('asks the shared cache again before refusing a submit as too late (a deadline extended through another process)', async () => {
    const { student, attemptId } = await startedAttempt();
    const gate = await attemptGate(kit.platform, staff.tenantId, attemptId);
    // This process last saw the attempt past its deadline...
    await forgetGate(kit.platform, staff.tenantId, attemptId);
    await sharedGateSetElsewhere({ ...gate, deadlineAt: new Date(Date.now() - 60_000).toISOString() });
    expect((await attemptGate(kit.platform, staff.tenantId, attemptId)).deadlineAt).not.toBe(gate.deadlineAt);
    // ...then another process extended it (an accommodation).
    await sharedGateSetElsewhere(gate);
    const submitted = await kit.request(student, 'POST', `/api/v1/attempts/${attemptId}/submit`, { answers: [] });
    expect(submitted.statusCode, submitted.body).toBe(202);
  });

  it('refuses an autosave after another process took the submit, though this process still holds the attempt open', async () => {
    const { student, attemptId, slot } = await startedAttempt();
    const gate = await attemptGate(kit.platform, staff.tenantId, attemptId);
    expect(gate.submitted).toBe(false);
    await sharedGateSetElsewhere({ ...gate, submitted: true });
    const saved = await kit.request(student, 'POST', `/api/v1/attempts/${attemptId}/answers`, { answers: [{ slot, seq: 1, response: null }] });
    expect(saved.statusCode, saved.body).toBe(409);
    expect(saved.json<{ code: string }>().code).toBe('ASSESSMENT.ATTEMPT_CLOSED');
  });

  it('still refuses a submit past the deadline the shared cache holds too', async () => {
    const { student, attemptId } = await startedAttempt();
    const gate = await attemptGate(kit.platform, staff.tenantId, attemptId);
    await forgetGate(kit.platform, staff.tenantId, attemptId);
    await sharedGateSetElsewhere({ ...gate, deadlineAt: new Date(Date.now() - 60_000).toISOString() });
    const refused = await kit.request(student, 'POST', `/api/v1/attempts/${attemptId}/submit`, { answers: [] });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('ASSESSMENT.DEADLINE_PASSED');
  });
});
