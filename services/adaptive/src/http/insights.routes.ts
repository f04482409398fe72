import { etagOf, personOf, versionFromIfMatch } from '@tessera/platform';
import { atRisk, changeCourseSettings, classMastery, courseSettings, itemFit } from '../app/course-insights.js';
import { AdaptivePermissions, AtRisk, AtRiskQuery, ClassMastery, CourseParams, CourseSettings, CourseSettingsBody, ItemFit } from '../contract/index.js';
import type { AdaptiveRoutes } from './viewer.js';

const tags = ['adaptive'];

/** For instructors: the class's mastery, who is at risk, which items misfit; the course's selection settings. */
export const insightsRoutes: AdaptiveRoutes = async (app, deps) => {
  app.get('/adaptive/courses/:courseId/mastery', {
    config: { permission: AdaptivePermissions.insights },
    schema: { tags, summary: 'Class mastery heat map: P(known) of every student on every skill of the course', params: CourseParams, response: { 200: ClassMastery } },
  }, async (request) => classMastery(deps, personOf(request).tenantId, request.params.courseId));

  app.get('/adaptive/courses/:courseId/at-risk', {
    config: { permission: AdaptivePermissions.insights },
    schema: {
      tags, summary: 'Students predicted to struggle on an exam: expected score on its items below the threshold (default 0.6), weakest first',
      description: 'The exam named by examId, else the course\'s next exam (the soonest to close of those still open), else the course\'s whole item bank.',
      params: CourseParams, querystring: AtRiskQuery, response: { 200: AtRisk },
    },
  }, async (request) => atRisk(deps, personOf(request).tenantId, request.params.courseId, request.query.threshold ?? 0.6, request.query.examId));

  app.get('/adaptive/courses/:courseId/item-fit', {
    config: { permission: AdaptivePermissions.insights },
    schema: { tags, summary: 'Items whose parameters look wrong: negative discrimination, misfit, far too easy or hard', params: CourseParams, response: { 200: ItemFit } },
  }, async (request) => itemFit(deps, personOf(request).tenantId, request.params.courseId));

  app.get('/adaptive/courses/:courseId/settings', {
    config: { permission: AdaptivePermissions.insights },
    schema: { tags, summary: 'The course\'s selection settings (target band, mastery threshold), with its ETag', params: CourseParams, response: { 200: CourseSettings } },
  }, async (request, reply) => {
    const settings = await courseSettings(deps, personOf(request).tenantId, request.params.courseId);
    return reply.header('etag', etagOf(settings.version)).send(settings);
  });

  app.patch('/adaptive/courses/:courseId/settings', {
    config: { permission: AdaptivePermissions.manage },
    schema: {
      tags, summary: 'Change the target band of predicted success and the mastery threshold (If-Match required)',
      params: CourseParams, body: CourseSettingsBody, response: { 200: CourseSettings },
    },
  }, async (request, reply) => {
    const settings = await changeCourseSettings(deps, personOf(request).tenantId, request.params.courseId, request.body, versionFromIfMatch(request));
    return reply.header('etag', etagOf(settings.version)).send(settings);
  });
};
