import { fileURLToPath } from 'node:url';
import type { HttpApp, ServiceContext, ServiceModule } from '@tessera/platform';
import { deadlineJob } from './app/deadline-job.js';
import { seedDemoAssessment } from './app/seed-demo.js';
import { coursesConsumer } from './consumers/courses.js';
import { enrollmentsConsumer } from './consumers/enrollments.js';
import { examQueueConsumer } from './consumers/exam-queue.js';
import { itemBankConsumer } from './consumers/item-bank.js';
import { itemCalibrationConsumer } from './consumers/item-calibration.js';
import { assessmentGrants } from './contract/permissions.js';
import { analysisRoutes } from './http/analysis.routes.js';
import { attemptRoutes } from './http/attempt.routes.js';
import { examRoutes } from './http/exam.routes.js';
import { gradebookRoutes } from './http/gradebook.routes.js';
import { gradingRoutes } from './http/grading.routes.js';
import { resultRoutes } from './http/result.routes.js';

export {
  AssessmentEvents, AssessmentPermissions, assessmentGrants, type SubmissionGradedData, type SubmittedData, type AnswersSavedData,
} from './contract/index.js';
export { EXAM_QUEUE_CONSUMER, GRADING_MAX_DELIVER } from './consumers/exam-queue.js';
export { ITEM_BANK_CONSUMER } from './consumers/item-bank.js';
export { ITEM_CALIBRATION_CONSUMER } from './consumers/item-calibration.js';
export { ENROLLMENTS_CONSUMER } from './consumers/enrollments.js';
export { COURSES_CONSUMER } from './consumers/courses.js';
/** One run of the deadline job (relay processes run it every `DEADLINE_EVERY_MS`). */
export { submitOverdue, DEADLINE_EVERY_MS } from './app/deadline-job.js';
/**
 * Grading inside the request, the synchronous baseline of the exam-day benchmark (bench/src/exam-day): benches
 * use it to measure what the queued submit path saves. No route of the service calls it.
 */
export { gradeSynchronously, type SynchronousGrade } from './app/naive-grading.js';

/** Grading of one response to one item: adaptive grades practice answers with the same code as exams. */
export { gradeItem, ItemResponse, type ItemOutcome } from './grading/index.js';

const routeGroups = [examRoutes, attemptRoutes, resultRoutes, analysisRoutes, gradingRoutes, gradebookRoutes];

/**
 * The assessment service: exams built from the question bank, timed attempts on the server's clock, the
 * exam-day path (autosave and submit append to a durable queue and answer 202; grading workers grade
 * exactly once), the results read model with release rules, results pushed live, and item analysis.
 */
export const assessmentService: ServiceModule = {
  name: 'assessment',
  migrations: { schema: 'assessment', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) },
  permissions: assessmentGrants,
  async routes(app: HttpApp, context: ServiceContext) {
    for (const register of routeGroups) await register(app, context);
  },
  consumers: (context) => [coursesConsumer(context), itemBankConsumer(context), itemCalibrationConsumer(context), enrollmentsConsumer(context), examQueueConsumer(context)],
  jobs: (context) => [deadlineJob(context)],
  seedDemo: seedDemoAssessment,
};
