import { randomUUID } from 'node:crypto';
import { AppError, type CloudEvent } from '@tessera/platform';
import { newEvent } from './events.js';
import type { AnswerInput, SubmitInput } from '../contract/attempts.js';
import { AssessmentEvents, type AnswersSavedData, type SubmittedData } from '../contract/events.js';
import { timelinessOf, type Timeliness } from '../domain/deadline.js';
import { submissionIdOf } from '../domain/submission-id.js';
import { attemptGate, closeGate, type AttemptGate, type GateRead } from './attempt-gate.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentErrors } from './errors.js';

/** Who answers, as the route authenticated them. */
export interface Taker {
  tenantId: string;
  userId: string;
}

/** The 202 answer: what was accepted, and where to follow it. */
export interface Acceptance {
  status: 'accepted';
  attemptId: string;
  acceptedAt: string;
  submissionId?: string;
  statusUrl?: string;
}

/**
 * Autosave on the exam-day path: checks the attempt (its owner, its deadline, each answer's slot and type)
 * against the cached gate, stamps the server's time and appends to the durable queue. Nothing is graded or
 * written to the results here; a grading worker applies the answers (the highest seq per slot wins).
 */
export async function saveAnswers(deps: AssessmentDeps, taker: Taker, attemptId: string, answers: AnswerInput[]): Promise<Acceptance> {
  const at = new Date();
  const gate = await ownGate(deps, taker, attemptId, { fresh: true });
  if (gate.submitted) throw assessmentErrors.notInProgress(attemptId);
  if (gate.adaptive) throw assessmentErrors.adaptiveOnly(attemptId);
  refuseTooLate(gate, at);
  assertAnswersFit(gate, answers);
  const data: AnswersSavedData = { attemptId, userId: taker.userId, answers, savedAt: at.toISOString() };
  await append(deps, newEvent(taker.tenantId, AssessmentEvents.answersSaved, attemptId, data, randomUUID(), at));
  return { status: 'accepted', attemptId, acceptedAt: at.toISOString() };
}

/**
 * Submit on the exam-day path: like autosave, then answers with the submission id, which is the attempt's
 * own (so a second submit, from a retry or another device, names the same submission: the queue drops the
 * duplicate and the worker grades once). A submit after the deadline and grace period is refused, or
 * accepted as late with a penalty when the exam's late policy says so.
 */
export async function submitAttempt(deps: AssessmentDeps, taker: Taker, attemptId: string, input: SubmitInput): Promise<Acceptance> {
  const at = new Date();
  let gate = await ownGate(deps, taker, attemptId);
  const submissionId = submissionIdOf(attemptId);
  const accepted: Acceptance = { status: 'accepted', attemptId, acceptedAt: at.toISOString(), submissionId, statusUrl: `/api/v1/submissions/${submissionId}` };
  if (gate.submitted) return accepted;
  // This process's copy of the gate may predate an extension of the deadline granted through another one.
  if (timelinessOf(gate, deadlineOf(gate), at).kind === 'too_late') gate = await ownGate(deps, taker, attemptId, { fresh: true });
  if (gate.submitted) return accepted;
  const timeliness = refuseTooLate(gate, at);
  const answers = input.answers ?? [];
  if (gate.adaptive && answers.length > 0) throw assessmentErrors.adaptiveOnly(attemptId);
  assertAnswersFit(gate, answers);
  const data: SubmittedData = {
    submissionId, attemptId, userId: taker.userId, answers, lastSeq: input.lastSeq ?? null, submittedAt: at.toISOString(),
    late: timeliness.kind === 'late', penaltyPercent: timeliness.kind === 'late' ? timeliness.penaltyPercent : 0, auto: false,
  };
  await append(deps, newEvent(taker.tenantId, AssessmentEvents.submitted, attemptId, data, submissionId, at));
  closeGate(deps, gate);
  return accepted;
}

async function ownGate(deps: AssessmentDeps, taker: Taker, attemptId: string, read: GateRead = {}): Promise<AttemptGate> {
  const gate = await attemptGate(deps, taker.tenantId, attemptId, read);
  // Another student's attempt is "not found", like another tenant's.
  if (gate.userId !== taker.userId) throw assessmentErrors.attemptNotFound(attemptId);
  return gate;
}

function refuseTooLate(gate: AttemptGate, at: Date): Timeliness {
  const timeliness = timelinessOf(gate, deadlineOf(gate), at);
  if (timeliness.kind === 'too_late') throw assessmentErrors.tooLate(gate.attemptId, timeliness.deadline);
  return timeliness;
}

function deadlineOf(gate: AttemptGate): Date | null {
  return gate.deadlineAt ? new Date(gate.deadlineAt) : null;
}

function assertAnswersFit(gate: AttemptGate, answers: readonly AnswerInput[]): void {
  const problems = answers.flatMap((answer) => {
    const type = gate.slotTypes[answer.slot];
    if (type === undefined) return [{ slot: answer.slot, detail: 'the attempt has no such slot' }];
    if (answer.response && answer.response.type !== type) return [{ slot: answer.slot, detail: `a ${type} item cannot take a ${answer.response.type} answer` }];
    return [];
  });
  if (problems.length > 0) throw assessmentErrors.badAnswers(problems);
}

/** Appends to the durable queue; when it cannot be reached, 503 with Retry-After (never a 202 for something not stored). */
async function append(deps: AssessmentDeps, event: CloudEvent): Promise<void> {
  try {
    await deps.bus.publish([event]);
  } catch (error) {
    deps.logger.warn({ err: error, attemptId: event.subject }, 'the exam queue could not take an answer or submission');
    throw new AppError('unavailable', 'ASSESSMENT.QUEUE_UNAVAILABLE', 'Answers cannot be stored right now; retry in a few seconds', { retryAfter: 2 });
  }
}
