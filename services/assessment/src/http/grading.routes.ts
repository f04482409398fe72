import { Type } from '@sinclair/typebox';
import { actingUserId, decodeCursor, encodeCursor, Page, PageQuery, principalOf, type HttpApp } from '@tessera/platform';
import type { AssessmentDeps } from '../app/deps.js';
import { gradeEssay, gradingQueue } from '../app/manual-grading.js';
import { EssayGrade, GradeInput, QueuedEssay } from '../contract/grading.js';
import { AssessmentPermissions } from '../contract/permissions.js';
import type { QueuePosition } from '../db/grading-queue.repository.js';
import { ExamParams, tags } from './support.js';

const GradeParams = Type.Object({
  submissionId: Type.String({ format: 'uuid' }),
  slot: Type.String({ pattern: '^[a-z][0-9]{1,3}(\\.[0-9]{1,3})?$', description: 'the essay\'s slot in the attempt' }),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The queue position a cursor names: (submittedAt, submissionId, slot) of the last essay of the previous page; anything else is a 400. */
function positionOf(cursor: string | undefined): QueuePosition | undefined {
  if (!cursor) return undefined;
  const [at, id, slot] = decodeCursor(cursor, 3, ([a, i, s]) =>
    typeof a === 'string' && !Number.isNaN(Date.parse(a)) && typeof i === 'string' && UUID.test(i) && typeof s === 'string' && s.length <= 16);
  return { submittedAt: new Date(String(at)), submissionId: String(id), slot: String(slot) };
}

/** Grading essays by hand: an exam's queue, and a grade per essay with the item's rubric. */
export async function gradingRoutes(app: HttpApp, deps: AssessmentDeps): Promise<void> {
  app.get('/exams/:examId/grading-queue', {
    config: { permission: AssessmentPermissions.grade },
    schema: {
      tags, summary: 'Essays of an exam waiting for a grader, oldest submission first',
      description: 'Each with the student\'s answer, the item\'s stem and rubric (score criteria by their index), and the slot\'s points.',
      params: ExamParams, querystring: PageQuery, response: { 200: Page(QueuedEssay) },
    },
  }, async (request) => {
    const { items, next } = await gradingQueue(deps, principalOf(request).tenantId, request.params.examId, request.query.limit, positionOf(request.query.cursor));
    return { items, nextCursor: next ? encodeCursor([next.submittedAt.toISOString(), next.submissionId, next.slot]) : null };
  });

  app.put('/submissions/:submissionId/grades/:slot', {
    config: { permission: AssessmentPermissions.grade },
    schema: {
      tags, summary: 'Grade an essay with its rubric (again, to change the grade)',
      description: 'Score every criterion of the rubric once, 0 to its points (422 lists what is wrong). The slot scores the share of the rubric\'s '
        + 'points earned times its own points. The submission\'s totals follow (the late penalty kept); once no essay waits it is graded, '
        + 'assessment.submission.graded is published and the student is told live.',
      params: GradeParams, body: GradeInput, response: { 200: EssayGrade },
    },
  }, async (request) => {
    const principal = principalOf(request);
    return gradeEssay(deps, { tenantId: principal.tenantId, userId: actingUserId(principal) }, request.params.submissionId, request.params.slot, request.body);
  });
}
