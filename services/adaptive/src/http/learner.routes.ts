import { Type } from '@sinclair/typebox';
import { personOf } from '@tessera/platform';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { saveScheduler, schedulerOf } from '../db/learner.repository.js';
import { dueReviews, learnerMastery, pathFor, predictionFor, recommendationsFor } from '../app/learner-views.js';
import {
  AdaptivePermissions, DueReviews, GoalQuery, LearnerMastery, LearnerSettings, LearningPath, MasteryQuery, Prediction, PredictionQuery, Recommendations,
} from '../contract/index.js';
import { learnerOf, selfOf, type AdaptiveRoutes } from './viewer.js';

const tags = ['adaptive'];
const ForUser = Type.Object({ userId: Type.Optional(Type.String({ format: 'uuid', description: 'another learner (staff only); default: the caller' })) });

/** What the learner model knows of a student: mastery, reviews, paths, recommendations and predictions. */
export const learnerRoutes: AdaptiveRoutes = async (app, deps) => {
  app.get('/adaptive/mastery', {
    config: { permission: AdaptivePermissions.self },
    schema: {
      tags, summary: 'Mastery per skill (of a course, or every skill practised) and the IRT ability, of the caller or (staff) a learner',
      querystring: Type.Composite([MasteryQuery, ForUser]), response: { 200: LearnerMastery },
    },
  }, async (request) => learnerMastery(deps, personOf(request).tenantId, await learnerOf(deps, request, request.query.userId), request.query.courseId));

  app.get('/adaptive/reviews', {
    config: { permission: AdaptivePermissions.self },
    schema: { tags, summary: 'Skills whose spaced review is due now, most overdue first', response: { 200: DueReviews } },
  }, async (request) => dueReviews(deps, personOf(request).tenantId, selfOf(request).userId));

  app.get('/adaptive/settings', {
    config: { permission: AdaptivePermissions.self },
    schema: { tags, summary: 'The caller\'s adaptive settings (which scheduler plans their reviews)', response: { 200: LearnerSettings } },
  }, async (request) => {
    const { tenantId, subject } = personOf(request);
    return { scheduler: await deps.db.withTenant<AdaptiveDatabase, 'fsrs' | 'sm2'>(tenantId, (tx) => schedulerOf(tx, tenantId, subject)) };
  });

  app.put('/adaptive/settings', {
    config: { permission: AdaptivePermissions.self },
    schema: { tags, summary: 'Choose FSRS (default) or SM-2 for one\'s spaced reviews; cards switch at their next review', body: LearnerSettings, response: { 200: LearnerSettings } },
  }, async (request) => {
    const { tenantId, subject } = personOf(request);
    await deps.db.withTenant<AdaptiveDatabase, void>(tenantId, (tx) => saveScheduler(tx, tenantId, subject, request.body.scheduler));
    return { scheduler: request.body.scheduler };
  });

  app.get('/adaptive/paths', {
    config: { permission: AdaptivePermissions.self },
    schema: {
      tags, summary: 'The learning path to a course or goal skills: skills in prerequisite order with their lessons and the items expected to remain',
      querystring: Type.Composite([GoalQuery, ForUser]), response: { 200: LearningPath },
    },
  }, async (request) => pathFor(deps, personOf(request).tenantId, await learnerOf(deps, request, request.query.userId), request.query));

  app.get('/adaptive/recommendations', {
    config: { permission: AdaptivePermissions.self },
    schema: { tags, summary: 'For the home page: the next step in each of the caller\'s courses, with reasons, and due reviews', response: { 200: Recommendations } },
  }, async (request) => recommendationsFor(deps, personOf(request).tenantId, selfOf(request).userId));

  app.get('/adaptive/predictions', {
    config: { permission: AdaptivePermissions.self },
    schema: {
      tags, summary: 'P(correct) of a learner on an item, with the contribution of each feature (log-odds)',
      querystring: PredictionQuery, response: { 200: Prediction },
    },
  }, async (request) => predictionFor(deps, personOf(request).tenantId, await learnerOf(deps, request, request.query.userId), request.query.itemId));
};
