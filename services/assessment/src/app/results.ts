import type { Submission } from '../contract/attempts.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { findAttempt } from '../db/attempt.repository.js';
import { findExam } from '../db/exam.repository.js';
import { findSubmission, submissionsOfExam, submissionsOfUser, type SubmissionRecord } from '../db/submission.repository.js';
import { submissionIdOf } from '../domain/submission-id.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentErrors } from './errors.js';
import { examVersion } from './exam-versions.js';

/** Who reads: a student sees their own results as released; staff (results readers) see everything. */
export interface Reader {
  tenantId: string;
  userId: string | null;
  staff: boolean;
}

interface Release {
  results: boolean;
  feedback: boolean;
}

/** A submission by id (404 for another student's, as for another tenant's). */
export async function readSubmission(deps: Pick<AssessmentDeps, 'db' | 'cache'>, reader: Reader, submissionId: string): Promise<Submission> {
  const record = await deps.db.withTenant<AssessmentDatabase, SubmissionRecord | undefined>(reader.tenantId, (tx) => findSubmission(tx, reader.tenantId, submissionId));
  if (!record || (!reader.staff && record.userId !== reader.userId)) throw assessmentErrors.submissionNotFound(submissionId);
  return view(record, await releaseOf(deps, reader, record.examId, record.examVersion));
}

/**
 * Where an attempt's submission stands: `accepted` while it waits in the queue (the submit's status URL
 * answers this at once), then the result. 404 while nothing was submitted.
 */
export async function attemptSubmission(deps: Pick<AssessmentDeps, 'db' | 'cache'>, reader: Reader, attemptId: string, submittedInQueue: boolean): Promise<Submission> {
  const { attempt, record } = await deps.db.withTenant<AssessmentDatabase, { attempt: Awaited<ReturnType<typeof findAttempt>>; record: SubmissionRecord | undefined }>(reader.tenantId, async (tx) => ({
    attempt: await findAttempt(tx, reader.tenantId, attemptId),
    record: await findSubmission(tx, reader.tenantId, submissionIdOf(attemptId)),
  }));
  if (!attempt || (!reader.staff && attempt.userId !== reader.userId)) throw assessmentErrors.attemptNotFound(attemptId);
  if (record) return view(record, await releaseOf(deps, reader, record.examId, record.examVersion));
  if (!submittedInQueue) throw assessmentErrors.submissionNotFound(submissionIdOf(attemptId));
  return {
    id: submissionIdOf(attemptId), attemptId, examId: attempt.examId, userId: attempt.userId, status: 'accepted', submittedAt: null, late: false, auto: false,
    released: false, score: null, maxScore: null, percent: null, penalty: null, passed: null, gradedAt: null, items: null,
  };
}

export async function mySubmissions(deps: Pick<AssessmentDeps, 'db' | 'cache'>, reader: Reader & { userId: string }): Promise<Submission[]> {
  const records = await deps.db.withTenant<AssessmentDatabase, SubmissionRecord[]>(reader.tenantId, (tx) => submissionsOfUser(tx, reader.tenantId, reader.userId, 200));
  // One release read per exam version, not per submission: a student's submissions share a few exams.
  const releases = new Map<string, Promise<Release>>();
  const releaseFor = (examId: string, version: number): Promise<Release> => {
    const key = `${examId}@${version}`;
    let release = releases.get(key);
    if (!release) releases.set(key, (release = releaseOf(deps, reader, examId, version)));
    return release;
  };
  return Promise.all(records.map(async (r) => view(r, await releaseFor(r.examId, r.examVersion))));
}

export async function examSubmissions(deps: Pick<AssessmentDeps, 'db'>, tenantId: string, examId: string, limit: number, after?: string): Promise<Submission[]> {
  const records = await deps.db.withTenant<AssessmentDatabase, SubmissionRecord[]>(tenantId, async (tx) => {
    if (!await findExam(tx, tenantId, examId)) throw assessmentErrors.examNotFound(examId);
    return submissionsOfExam(tx, tenantId, examId, limit, after);
  });
  return records.map((r) => view(r, { results: true, feedback: true }));
}

async function releaseOf(deps: Pick<AssessmentDeps, 'db' | 'cache'>, reader: Reader, examId: string, version: number): Promise<Release> {
  if (reader.staff) return { results: true, feedback: true };
  const exam = await examVersion(deps, reader.tenantId, examId, version);
  const flags = await deps.db.withTenant<AssessmentDatabase, { results: Date | null; feedback: Date | null }>(reader.tenantId, async (tx) => {
    const row = await findExam(tx, reader.tenantId, examId);
    return { results: row?.resultsReleasedAt ? new Date(row.resultsReleasedAt) : null, feedback: row?.feedbackReleasedAt ? new Date(row.feedbackReleasedAt) : null };
  });
  const closed = exam?.settings.closesAt ? Date.now() >= Date.parse(exam.settings.closesAt) : false;
  const released = (policy: string | undefined, flag: Date | null) => policy === 'immediately' || (policy === 'after_close' && closed) || flag !== null;
  const results = released(exam?.settings.resultsRelease, flags.results);
  return { results, feedback: results && released(exam?.settings.feedbackRelease, flags.feedback) };
}

function view(record: SubmissionRecord, release: Release): Submission {
  const shown = release.results;
  return {
    id: record.id, attemptId: record.attemptId, examId: record.examId, userId: record.userId, status: record.status,
    submittedAt: record.submittedAt.toISOString(), late: record.late, auto: record.auto, released: shown,
    score: shown ? record.score : null, maxScore: shown ? record.maxScore : null,
    percent: shown && record.maxScore > 0 ? Math.round((record.score / record.maxScore) * 10_000) / 100 : null,
    penalty: shown ? record.penalty : null, passed: shown ? record.passed : null, gradedAt: record.gradedAt.toISOString(),
    items: release.feedback ? record.items : null, ability: shown ? record.ability ?? null : null,
  };
}
