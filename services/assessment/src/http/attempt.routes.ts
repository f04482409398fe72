import { hasPermission, personOf, principalOf, type HttpApp } from '@tessera/platform';
import { answerAdaptiveItem } from '../app/adaptive-answer.js';
import { saveAnswers, submitAttempt } from '../app/answer-intake.js';
import { attemptGate } from '../app/attempt-gate.js';
import { attemptView } from '../app/attempt-view.js';
import type { AssessmentDeps } from '../app/deps.js';
import { attemptSubmission } from '../app/results.js';
import { startAttempt } from '../app/start-attempt.js';
import { Accepted, AdaptiveAnswerInput, Attempt, AutosaveInput, Submission, SubmitInput } from '../contract/attempts.js';
import { AssessmentPermissions } from '../contract/permissions.js';
import { AttemptParams, ExamParams, readerOf, tags } from './support.js';

/** Taking an exam: start (or resume), read, autosave, submit, and follow the submission. */
export async function attemptRoutes(app: HttpApp, deps: AssessmentDeps): Promise<void> {
  app.post('/exams/:examId/attempts', {
    config: { permission: AssessmentPermissions.take, optionalBody: true },
    schema: {
      tags, summary: 'Start an attempt (201), or resume the one in progress (200)',
      description: 'The deadline is on the server\'s clock and survives reloads and devices. Only students enrolled in the course (staff: as a preview). '
        + '409 when the exam is not open, or no attempts are left.',
      params: ExamParams, response: { 200: Attempt, 201: Attempt },
    },
  }, async (request, reply) => {
    const person = personOf(request);
    const mayPreview = hasPermission(request, AssessmentPermissions.manage);
    const { attempt, resumed } = await startAttempt(deps, { tenantId: person.tenantId, examId: request.params.examId, userId: person.subject, mayPreview });
    return reply.code(resumed ? 200 : 201).header('location', `/api/v1/attempts/${attempt.id}`).send(attempt);
  });

  app.get('/attempts/:attemptId', {
    config: { permission: AssessmentPermissions.take },
    schema: { tags, summary: 'An attempt: its items (no answers), saved answers and deadline beside the server time', params: AttemptParams, response: { 200: Attempt } },
  }, async (request) => {
    const reader = readerOf(request);
    return attemptView(deps, reader.tenantId, request.params.attemptId, reader.staff ? null : reader.userId);
  });

  app.post('/attempts/:attemptId/answers', {
    config: { permission: AssessmentPermissions.take },
    schema: {
      tags, summary: 'Autosave answers (202): per slot, the highest seq wins',
      description: 'Accepted into the durable queue and applied by a worker; repeating or reordering autosaves changes nothing. '
        + '409 after the attempt was submitted or its time ran out; 422 for an answer of the wrong type or an unknown slot; 503 with Retry-After when the queue is unreachable.',
      params: AttemptParams, body: AutosaveInput, response: { 202: Accepted },
    },
  }, async (request, reply) => {
    const person = personOf(request);
    return reply.code(202).send(await saveAnswers(deps, { tenantId: person.tenantId, userId: person.subject }, request.params.attemptId, request.body.answers));
  });

  app.post('/attempts/:attemptId/adaptive-answers', {
    config: { permission: AssessmentPermissions.take },
    schema: {
      tags, summary: 'Answer the current item of an adaptive attempt (200 with the attempt: the next item, or finished)',
      description: 'Adaptive exams give one item at a time, each the most informative at the ability estimated from the answers so far, skills balanced, '
        + 'until the estimate is precise enough or the item limit is reached; then submit the attempt. No feedback before the result. '
        + '409 ASSESSMENT.NOT_CURRENT_ITEM for a slot that is not the one waiting (answered already, or the test is over), ASSESSMENT.NOT_ADAPTIVE for '
        + 'other exams\' attempts, after the deadline or once submitted; 422 for an answer of the wrong type.',
      params: AttemptParams, body: AdaptiveAnswerInput, response: { 200: Attempt },
    },
  }, async (request) => {
    const person = personOf(request);
    return answerAdaptiveItem(deps, { tenantId: person.tenantId, userId: person.subject }, request.params.attemptId, request.body);
  });

  app.post('/attempts/:attemptId/submit', {
    config: { permission: AssessmentPermissions.take, optionalBody: true },
    schema: {
      tags, summary: 'Submit (202 with the submission id and a status URL)',
      description: 'Accepted into the durable queue; a worker grades it. A second submit of the attempt returns the same submission (never a second grade). '
        + 'After the deadline and grace period: 409 ASSESSMENT.DEADLINE_PASSED, unless the exam takes late work (then marked late, with its penalty).',
      params: AttemptParams, body: SubmitInput, response: { 202: Accepted },
    },
  }, async (request, reply) => {
    const person = personOf(request);
    const accepted = await submitAttempt(deps, { tenantId: person.tenantId, userId: person.subject }, request.params.attemptId, request.body ?? {});
    return reply.code(202).header('location', accepted.statusUrl ?? '').send(accepted);
  });

  app.get('/attempts/:attemptId/submission', {
    config: { permission: AssessmentPermissions.take },
    schema: { tags, summary: 'Where the attempt\'s submission stands: accepted (queued), then its result as released', params: AttemptParams, response: { 200: Submission } },
  }, async (request) => {
    const reader = readerOf(request);
    const tenantId = principalOf(request).tenantId;
    const gate = await attemptGate(deps, tenantId, request.params.attemptId, { fresh: true });
    return attemptSubmission(deps, reader, request.params.attemptId, gate.submitted);
  });
}
