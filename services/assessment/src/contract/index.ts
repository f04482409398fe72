/** The assessment service's public contract: permissions, event names and payloads, HTTP schemas. */
export { AssessmentPermissions, assessmentGrants } from './permissions.js';
export { AssessmentEvents, type AnswersSavedData, type SubmittedData, type SubmissionGradedData, type ExamPublishedData, type ExamArchivedData } from './events.js';
export * from './exams.js';
export * from './attempts.js';
