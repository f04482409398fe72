/**
 * Graded exams as assessment announces them: `assessment.submission.graded` written to the outbox in a
 * transaction of its own, so it reaches adaptive the way a real grade does (relay → bus → adaptive's
 * consumer), on NATS in the distributed set.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AssessmentEvents, type SubmissionGradedData } from '@tessera/assessment/contract';
import type { Platform } from '@tessera/platform';
import { Random } from '../catalog/random.js';
import type { SeededTenant } from './seed.js';

export interface GradedRequest {
  userId: string;
  /** The skill the student is practising: the exam answers two of its items right, so its mastery must move. */
  skillId: string;
}

export interface GradedEmitted {
  submissionId: string;
  /** Epoch milliseconds (sub-millisecond) when the transaction holding the event had committed. */
  committedAt: number;
}

const ITEMS_OF_SKILL = 2;
const OTHER_ITEMS = 3;

/** Emits graded exams of the seeded tenant's course, each on one skill the caller names plus a few others. */
export class GradedExams {
  private readonly examId = randomUUID();
  private readonly random = new Random(77);
  private readonly itemsBySkill = new Map<string, string[]>();

  constructor(private readonly platform: Platform, private readonly tenant: SeededTenant) {
    for (const item of tenant.shape.items) {
      const skill = item.skills[0] as string;
      const list = this.itemsBySkill.get(skill) ?? [];
      list.push(item.itemId);
      this.itemsBySkill.set(skill, list);
    }
  }

  async emit(request: GradedRequest): Promise<GradedEmitted> {
    const { tenantId, courseId, shape } = this.tenant;
    const own = this.itemsBySkill.get(request.skillId);
    if (!own) throw new Error(`no items of skill ${request.skillId}`);
    const items = [
      ...this.random.shuffled(own).slice(0, ITEMS_OF_SKILL).map((itemId) => ({ itemId, correct: true })),
      ...Array.from({ length: OTHER_ITEMS }, () => ({ itemId: this.random.pick(shape.items).itemId, correct: this.random.next() < 0.6 })),
    ];
    const submissionId = randomUUID();
    const score = items.filter((item) => item.correct).length;
    const data: SubmissionGradedData = {
      submissionId, attemptId: randomUUID(), examId: this.examId, examVersion: 1, courseId, userId: request.userId, status: 'graded',
      score, maxScore: items.length, passed: score * 2 >= items.length, gradedAt: new Date().toISOString(), gradingRound: 1,
      items: items.map((item) => ({ itemId: item.itemId, itemVersion: 1, score: item.correct ? 1 : 0, maxScore: 1, correct: item.correct })),
    };
    await this.platform.db.withTenant<unknown, void>(tenantId, async (tx) => {
      await this.platform.outbox.emit(tx, tenantId, [{ name: AssessmentEvents.graded, subject: submissionId, data }]);
    });
    return { submissionId, committedAt: performance.timeOrigin + performance.now() };
  }
}
