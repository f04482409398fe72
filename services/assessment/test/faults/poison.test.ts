import { randomUUID } from 'node:crypto';
import { testBackends, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent } from '../../src/app/events.js';
import { AssessmentEvents, type SubmittedData } from '../../src/contract/events.js';
import { submissionIdOf } from '../../src/domain/submission-id.js';
import { items, startAssessmentKit, type AssessmentKit } from '../support/assessment-kit.js';

/** Five deliveries with the exam queue's backoff (0.25 + 1 + 3 + 10 s) fit well inside this. */
const DEAD_LETTER_POLL = { timeout: 60_000, interval: 100 };

let kit: AssessmentKit;
let staff: TestTenant;
let admin: TestTenant;

beforeAll(async () => {
  kit = await startAssessmentKit();
  staff = await kit.tenant(['instructor']);
  admin = await kit.member(staff, ['tenant_admin']);
});

afterAll(async () => kit?.close());

describe(`a poison submission (${testBackends.database}, ${testBackends.bus})`, () => {
  it('is dead-lettered after its tries, visible to the tenant\'s admins, and never holds up the other submissions', async () => {
    // A submission no worker can grade: it names an attempt the tenant does not have.
    const attemptId = randomUUID();
    const submissionId = submissionIdOf(attemptId);
    const poison: SubmittedData = {
      submissionId, attemptId, userId: randomUUID(), answers: [], lastSeq: null, submittedAt: new Date().toISOString(), late: false, penaltyPercent: 0, auto: false,
    };
    await kit.platform.bus.publish([newEvent(staff.tenantId, AssessmentEvents.submitted, attemptId, poison, submissionId, new Date())]);

    // Meanwhile a student's submission goes through.
    const courseId = randomUUID();
    const student = await kit.member(staff, ['student']);
    const itemId = await kit.item(staff, items.capital);
    await kit.enrolled(staff, courseId, student.subject);
    const examId = await kit.exam(staff, courseId, { sections: [{ kind: 'fixed', itemId, points: 1 }] });
    const attempt = await kit.ok<{ id: string; slots: Array<{ slot: string }> }>(student, 'POST', `/api/v1/exams/${examId}/attempts`, 201);
    await kit.ok(student, 'POST', `/api/v1/attempts/${attempt.id}/submit`, 202, { answers: [{ slot: attempt.slots[0]!.slot, seq: 1, response: { type: 'single_choice', choice: 'A' } }] });
    await expect.poll(async () => (await kit.ok<{ status: string }>(student, 'GET', `/api/v1/attempts/${attempt.id}/submission`, 200)).status, DEAD_LETTER_POLL).toBe('graded');

    const deadLetters = async () => (await kit.ok<{ items: Array<{ eventId?: string; event?: { id: string }; deliveries: number }> }>(admin, 'GET', '/api/v1/admin/dead-letters', 200)).items;
    await expect.poll(async () => (await deadLetters()).length, DEAD_LETTER_POLL).toBe(1);
    expect(JSON.stringify(await deadLetters())).toContain(submissionId);
    // Another tenant's admin sees none of it.
    const otherAdmin = await kit.tenant(['tenant_admin']);
    expect((await kit.ok<{ items: unknown[] }>(otherAdmin, 'GET', '/api/v1/admin/dead-letters', 200)).items).toEqual([]);
  }, 90_000);
});
