import { principalOf, type HttpApp } from '@tessera/platform';
import type { AssessmentDeps } from '../app/deps.js';
import { examAnalysis } from '../app/item-analysis.js';
import { regradeItem } from '../app/regrade.js';
import { ExamAnalysis, RegradeInput, RegradeResult } from '../contract/analysis.js';
import { AssessmentPermissions } from '../contract/permissions.js';
import { ExamParams, tags } from './support.js';

/** Item analysis, kept up to date as results arrive, and regrading after an item correction. */
export async function analysisRoutes(app: HttpApp, deps: AssessmentDeps): Promise<void> {
  app.get('/exams/:examId/analysis', {
    config: { permission: AssessmentPermissions.readResults },
    schema: {
      tags, summary: 'Item analysis of an exam: facility, discrimination, distractors, score distribution and reliability',
      description: 'Over the exam\'s wholly graded submissions (one waiting for an essay grade counts once graded). Read from running '
        + 'statistics the grading workers keep, so its cost does not grow with the number of attempts.',
      params: ExamParams, response: { 200: ExamAnalysis },
    },
  }, async (request) => examAnalysis(deps, principalOf(request).tenantId, request.params.examId));

  app.post('/exams/:examId/regrade', {
    config: { permission: AssessmentPermissions.manage },
    schema: {
      tags, summary: 'Re-score every submission holding an item with the item\'s latest (corrected) version',
      description: 'Each affected submission is graded again for that item, its totals recomputed (essays keep their scores), its grading '
        + 'round raised, the item analysis adjusted and `assessment.submission.regraded` emitted. Submissions already at the latest version '
        + 'are left alone, so repeating the request is harmless.',
      params: ExamParams, body: RegradeInput, response: { 200: RegradeResult },
    },
  }, async (request) => regradeItem(deps, principalOf(request).tenantId, request.params.examId, request.body.itemId));
}
