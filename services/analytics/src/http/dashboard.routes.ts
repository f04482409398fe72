import { Type } from '@sinclair/typebox';
import { personOf, principalOf, type HttpApp } from '@tessera/platform';
import { activityCsv, courseActivity, GRANULARITY_MS, type Granularity } from '../app/course-activity.js';
import { hardestOf, learnerOverview, strugglingOf } from '../app/dashboards.js';
import type { AnalyticsDeps } from '../app/deps.js';
import { AnalyticsPermissions } from '../contract/permissions.js';

const tags = ['analytics'];
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const CourseParams = Type.Object({ courseId: Uuid });
const ActivityQuery = Type.Object({
  from: DateTime, to: DateTime,
  granularity: Type.Union(Object.keys(GRANULARITY_MS).map((key) => Type.Literal(key)), { default: 'minute' }),
});
const LimitQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) });
const Bucket = Type.Object({
  start: DateTime, events: Type.Integer(), activeUsers: Type.Integer(), activeUsersExact: Type.Boolean(),
  pageViews: Type.Integer(), attempts: Type.Integer(), correctRate: Type.Union([Type.Number(), Type.Null()]), timeOnTaskMs: Type.Integer(),
  videoViews: Type.Integer(), videoCompletions: Type.Integer(), lessonsCompleted: Type.Integer(), searches: Type.Integer(),
  latencyMs: Type.Array(Type.Integer(), { description: 'item attempts per latency bucket (bounds in latencyBoundsMs; the last takes the rest)' }),
  final: Type.Boolean({ description: 'every window of the bucket is closed: late events no longer change it' }),
});
const Activity = Type.Object({ latencyBoundsMs: Type.Array(Type.Integer()), buckets: Type.Array(Bucket) });
const Struggling = Type.Object({ items: Type.Array(Type.Object({ userId: Uuid, attempts: Type.Integer(), correctRate: Type.Number(), timeOnTaskMs: Type.Integer(), lastSeen: DateTime })) });
const Hardest = Type.Object({ items: Type.Array(Type.Object({ itemId: Uuid, attempts: Type.Integer(), correctRate: Type.Number(), meanLatencyMs: Type.Integer() })) });
const Overview = Type.Object({
  days: Type.Array(Type.Object({ day: Type.String({ format: 'date' }), events: Type.Integer(), timeOnTaskMs: Type.Integer() })),
  streakDays: Type.Integer({ description: 'days in a row with activity, ending today or yesterday' }),
  totalTimeOnTaskMs: Type.Integer(),
  courses: Type.Array(Type.Object({
    courseId: Uuid, title: Type.Union([Type.String(), Type.Null()]), attempts: Type.Integer(), correctRate: Type.Union([Type.Number(), Type.Null()]),
    timeOnTaskMs: Type.Integer(), lessonsCompleted: Type.Integer(), lastSeen: DateTime,
  })),
});

/** What dashboards read: a course's activity (JSON, CSV), its struggling learners and hardest items; a learner's own figures. */
export async function dashboardRoutes(app: HttpApp, deps: AnalyticsDeps): Promise<void> {
  const course = { permission: AnalyticsPermissions.course };

  app.get('/analytics/courses/:courseId/activity', {
    config: course,
    schema: {
      tags, summary: 'A course\'s activity over time: one-minute windows, or their five-minute or hourly rollups',
      description: 'Distinct users are exact up to 1,000 per bucket, then a HyperLogLog estimate (standard error about 1.6 %; `activeUsersExact` says which).',
      params: CourseParams, querystring: ActivityQuery, response: { 200: Activity },
    },
  }, async (request) => {
    const { from, to, granularity } = request.query;
    return courseActivity(deps, principalOf(request).tenantId, request.params.courseId, new Date(from), new Date(to), granularity as Granularity);
  });

  app.get('/analytics/courses/:courseId/activity.csv', {
    config: course,
    schema: { tags, summary: 'The same activity as a CSV file', params: CourseParams, querystring: ActivityQuery, produces: ['text/csv'] },
  }, async (request, reply) => {
    const { from, to, granularity } = request.query;
    const activity = await courseActivity(deps, principalOf(request).tenantId, request.params.courseId, new Date(from), new Date(to), granularity as Granularity);
    return reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="activity-${request.params.courseId}-${granularity}.csv"`).send(activityCsv(activity));
  });

  app.get('/analytics/courses/:courseId/struggling', {
    config: course,
    schema: { tags, summary: 'Learners of the course with the lowest share of correct answers (at least three answers)', params: CourseParams, querystring: LimitQuery, response: { 200: Struggling } },
  }, async (request) => ({ items: await strugglingOf(deps, principalOf(request).tenantId, request.params.courseId, request.query.limit) }));

  app.get('/analytics/courses/:courseId/hardest-items', {
    config: course,
    schema: { tags, summary: 'Items of the course answered wrongly most often (at least three answers)', params: CourseParams, querystring: LimitQuery, response: { 200: Hardest } },
  }, async (request) => ({ items: await hardestOf(deps, principalOf(request).tenantId, request.params.courseId, request.query.limit) }));

  app.get('/analytics/me', {
    config: { permission: AnalyticsPermissions.self },
    schema: { tags, summary: 'Your own time per day (last 30 days), streak and progress per course', response: { 200: Overview } },
  }, async (request) => learnerOverview(deps, personOf(request).tenantId, personOf(request).subject));
}
