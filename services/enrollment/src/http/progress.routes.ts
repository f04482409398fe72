import { Type } from '@sinclair/typebox';
import { principalOf, type HttpApp } from '@tessera/platform';
import type { EnrollmentDeps } from '../app/deps.js';
import { getProgress, reportLesson } from '../app/lesson-progress.js';
import { EnrollmentPermissions, LessonReportBody, Progress } from '../contract/index.js';
import { mayRead, mayReport } from './access.js';

const tags = ['enrollment'];
const EnrollmentParams = Type.Object({ enrollmentId: Type.String({ format: 'uuid' }) });
const LessonParams = Type.Object({ enrollmentId: Type.String({ format: 'uuid' }), lessonId: Type.String({ format: 'uuid' }) });

/** A student's progress through the course version they enrolled in. */
export async function progressRoutes(app: HttpApp, deps: EnrollmentDeps): Promise<void> {
  app.get('/enrollments/:enrollmentId/progress', {
    config: { permission: EnrollmentPermissions.self },
    schema: { tags, summary: 'Progress per lesson, module and course, time spent and the resume point', params: EnrollmentParams, response: { 200: Progress } },
  }, async (request) => getProgress(deps, principalOf(request).tenantId, request.params.enrollmentId, mayRead(request)));

  for (const action of ['start', 'complete'] as const) {
    app.post(`/enrollments/:enrollmentId/lessons/:lessonId/${action}`, {
      config: { permission: EnrollmentPermissions.self, optionalBody: true },
      schema: {
        tags,
        summary: action === 'start' ? 'Open a lesson (sets the resume point), optionally adding time spent' : 'Complete a lesson, optionally adding time spent',
        description: 'Only the enrolled student, on an active or completed enrollment (409 otherwise), for a lesson of the version they enrolled in (404 otherwise). '
          + 'Completing the last lesson completes the enrollment.',
        params: LessonParams,
        body: LessonReportBody,
        response: { 200: Progress },
      },
    }, async (request) => reportLesson(deps, principalOf(request).tenantId, {
      enrollmentId: request.params.enrollmentId,
      lessonId: request.params.lessonId,
      complete: action === 'complete',
      seconds: request.body.secondsSpent ?? 0,
      mayReport: mayReport(request),
    }));
  }
}
