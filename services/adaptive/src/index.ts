import { fileURLToPath } from 'node:url';
import type { HttpApp, ServiceContext, ServiceModule } from '@tessera/platform';
import { adaptiveDeps } from './app/adaptive-deps.js';
import { refitJob } from './app/refit.js';
import { reviewDueJob } from './app/review-due-job.js';
import { catalogConsumer } from './consumers/catalog.js';
import { enrollmentsConsumer } from './consumers/enrollments.js';
import { examResultsConsumer } from './consumers/exam-results.js';
import { examsConsumer } from './consumers/exams.js';
import { adaptiveGrants } from './contract/permissions.js';
import { catRoutes } from './http/cat.routes.js';
import { modelRoutes } from './http/models.routes.js';
import { insightsRoutes } from './http/insights.routes.js';
import { learnerRoutes } from './http/learner.routes.js';
import { practiceRoutes } from './http/practice.routes.js';

export { AdaptiveEvents, AdaptivePermissions, adaptiveGrants, type MasteryUpdatedData, type ReviewDueData, type RecommendationReadyData } from './contract/index.js';
export { CATALOG_CONSUMER } from './consumers/catalog.js';
export { ENROLLMENTS_CONSUMER } from './consumers/enrollments.js';
export { EXAM_RESULTS_CONSUMER } from './consumers/exam-results.js';
export { EXAMS_CONSUMER } from './consumers/exams.js';
export { announceDueReviews, REVIEW_DUE_EVERY_MS } from './app/review-due-job.js';
export { refitAll, refitTenant, REFIT_EVERY_MS } from './app/refit.js';
export { learnerTopic } from './app/record-response.js';

const routeGroups = [practiceRoutes, learnerRoutes, insightsRoutes, catRoutes, modelRoutes];

/**
 * The adaptive service: learner models (BKT mastery per skill, IRT ability, a stacked logistic predictor,
 * FSRS/SM-2 review schedules) updated on every graded answer, from practice here and exams in assessment;
 * next-item selection, learning paths, predictions with explanations, and the instructors' views.
 */
export const adaptiveService: ServiceModule = {
  name: 'adaptive',
  migrations: { schema: 'adaptive', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) },
  permissions: adaptiveGrants,
  async routes(app: HttpApp, context: ServiceContext) {
    const deps = adaptiveDeps(context);
    for (const register of routeGroups) await register(app, deps);
  },
  consumers: (context) => {
    const deps = adaptiveDeps(context);
    return [catalogConsumer(deps), enrollmentsConsumer(deps), examResultsConsumer(deps), examsConsumer(deps)];
  },
  jobs: (context) => {
    const deps = { ...adaptiveDeps(context), tenantDatabases: context.tenantDatabases };
    return [reviewDueJob(deps), refitJob(deps)];
  },
};
