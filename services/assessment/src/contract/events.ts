import type { AnswerInput } from './attempts.js';

/**
 * Events of the assessment service (`tessera.<name>` on the bus). The `attempt.*` ones are its own work
 * queue (the exam-day path: the API appends, grading workers pull); the `submission.*` ones are for other
 * services (adaptive, analytics, notify).
 */
export const AssessmentEvents = {
  answersSaved: 'assessment.attempt.answers_saved',
  /** SubmissionAccepted: a submit (or the deadline's auto-submit) accepted for grading. */
  submitted: 'assessment.attempt.submitted',
  /** SubmissionGraded: every auto-gradable item scored (essays may still wait for a person). */
  graded: 'assessment.submission.graded',
  regraded: 'assessment.submission.regraded',
  /** A version of an exam was published: when it opens and closes, and every item it may ask. */
  examPublished: 'assessment.exam.published',
  /** An exam was archived: no new attempts (reminders about it stop). */
  examArchived: 'assessment.exam.archived',
} as const;

/** Payload of `assessment.exam.published` (subject: the exam id). */
export interface ExamPublishedData {
  examId: string;
  courseId: string;
  version: number;
  title: string;
  category: string;
  opensAt: string | null;
  closesAt: string | null;
  adaptive: boolean;
  /** Fixed items and every candidate of its draws. */
  itemIds: string[];
  publishedAt: string;
  /** Who published it (null for an API key): told when essays of the exam await grading. */
  publishedBy?: string | null;
}

/** Payload of `assessment.exam.archived` (subject: the exam id). */
export interface ExamArchivedData {
  examId: string;
  courseId: string;
  archivedAt: string;
}

/** Payload of `assessment.attempt.answers_saved` (subject: the attempt id). */
export interface AnswersSavedData {
  attemptId: string;
  userId: string;
  answers: AnswerInput[];
  savedAt: string;
}

/** Payload of `assessment.attempt.submitted` (subject: the attempt id; event id: the submission id). */
export interface SubmittedData {
  submissionId: string;
  attemptId: string;
  userId: string;
  answers: AnswerInput[];
  /** Autosaves up to this seq must be applied before grading (when the client says so). */
  lastSeq: number | null;
  submittedAt: string;
  late: boolean;
  penaltyPercent: number;
  /** Submitted by the deadline job, not the student. */
  auto: boolean;
}

/** Payload of `assessment.submission.graded` and `.regraded` (subject: the submission id). */
export interface SubmissionGradedData {
  submissionId: string;
  attemptId: string;
  examId: string;
  /** The title of the exam version taken (for notices). */
  examTitle?: string;
  examVersion: number;
  courseId: string;
  userId: string;
  status: 'graded' | 'pending_manual' | 'awaiting_code_grader';
  score: number;
  maxScore: number;
  passed: boolean | null;
  gradedAt: string;
  /** 1 when first graded; each regrade raises it, so a consumer can tell the newest result (on `.regraded`). */
  gradingRound?: number;
  /** Per item: what adaptive needs to update mastery. */
  items: Array<{ itemId: string; itemVersion: number; score: number | null; maxScore: number; correct: boolean | null }>;
}
