import { AppError } from '@tessera/platform';

/** The assessment service's errors, with stable codes. */
export const assessmentErrors = {
  courseNotFound: (id: string) => new AppError('not_found', 'ASSESSMENT.COURSE_NOT_FOUND', `No course ${id}`),
  examNotFound: (id: string) => new AppError('not_found', 'ASSESSMENT.EXAM_NOT_FOUND', `No exam ${id}`),
  attemptNotFound: (id: string) => new AppError('not_found', 'ASSESSMENT.ATTEMPT_NOT_FOUND', `No attempt ${id}`),
  submissionNotFound: (id: string) => new AppError('not_found', 'ASSESSMENT.SUBMISSION_NOT_FOUND', `No submission ${id}`),
  stale: (id: string, expected: number, current: number) =>
    new AppError('precondition_failed', 'ASSESSMENT.VERSION_MISMATCH', `Exam ${id} is at version ${current}, not ${expected}`),
  invalidExam: (id: string, problems: Array<{ path: string; detail: string }>) =>
    new AppError('unprocessable', 'ASSESSMENT.EXAM_INVALID', `Exam ${id} cannot be published (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.map((p) => p.detail).join('; ')}`, { problems }),
  notPublished: (id: string) => new AppError('conflict', 'ASSESSMENT.EXAM_NOT_PUBLISHED', `Exam ${id} has no published version to take`),
  notOpen: (id: string, detail: string) => new AppError('conflict', 'ASSESSMENT.EXAM_NOT_OPEN', `Exam ${id} ${detail}`),
  notEnrolled: (courseId: string) => new AppError('forbidden', 'ASSESSMENT.NOT_ENROLLED', `Only students enrolled in course ${courseId} can take its exams`),
  noAttemptsLeft: (allowed: number) => new AppError('conflict', 'ASSESSMENT.NO_ATTEMPTS_LEFT', `All ${allowed} attempt${allowed === 1 ? '' : 's'} allowed have been used`),
  tooLate: (attemptId: string, deadline: Date) =>
    new AppError('conflict', 'ASSESSMENT.DEADLINE_PASSED', `Attempt ${attemptId} closed at ${deadline.toISOString()} (grace period included)`, { deadlineAt: deadline.toISOString() }),
  notInProgress: (attemptId: string) => new AppError('conflict', 'ASSESSMENT.ATTEMPT_CLOSED', `Attempt ${attemptId} was submitted already`),
  badAnswers: (problems: Array<{ slot: string; detail: string }>) =>
    new AppError('unprocessable', 'ASSESSMENT.ANSWERS_INVALID', `${problems.length} answer${problems.length === 1 ? '' : 's'} cannot be taken: ${problems.map((p) => `${p.slot}: ${p.detail}`).join('; ')}`, { problems }),
  notAdaptive: (attemptId: string) => new AppError('conflict', 'ASSESSMENT.NOT_ADAPTIVE', `Attempt ${attemptId} is not of an adaptive exam: autosave its answers instead`),
  adaptiveOnly: (attemptId: string) =>
    new AppError('conflict', 'ASSESSMENT.ADAPTIVE_ATTEMPT', `Attempt ${attemptId} is of an adaptive exam: answer its items one at a time at /attempts/${attemptId}/adaptive-answers`),
  notCurrentItem: (attemptId: string, slot: string, current: string | null) =>
    new AppError('conflict', 'ASSESSMENT.NOT_CURRENT_ITEM', current ? `Slot ${slot} is not the item attempt ${attemptId} waits for (${current})` : `Attempt ${attemptId} has no more items: submit it`, { currentSlot: current }),
} as const;
