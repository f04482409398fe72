import { AUTHENTICATED, type HttpApp } from '@tessera/platform';
import { loadHome } from '../app/home.js';
import { upstreamOf } from '../app/upstream.js';
import { Home } from '../contract/index.js';

const tags = ['me'];

/** The student apps' screens, each aggregated from the other services' public routes in one request. */
export async function homeRoutes(app: HttpApp, options: { upstreamTimeoutMs: number }): Promise<void> {
  app.get('/me/home', {
    // Any signed-in caller: every section is read with the caller's own credential, so each service applies its own rules.
    config: { permission: AUTHENTICATED },
    schema: {
      tags,
      summary: 'Everything the student home screen shows, in one request',
      description: 'Your profile (GET /me), your courses with progress and the one to continue (GET /me/courses), the upcoming '
        + 'published exams of your courses, soonest first, at most 10 (GET /courses/{courseId}/exams), and your newest results, '
        + 'at most 5 (GET /me/submissions), and the next step in each course with due reviews (GET /adaptive/recommendations), read in parallel as you. A section whose service fails is '
        + '`{ "error": { "status", "title" } }` and the others still show; only a credential the profile refuses (401/403) '
        + 'fails the page. Each section counts as a request of its own towards your rate limit. '
        + 'Notifications appear here once the notify service runs.',
      response: { 200: Home },
    },
  }, async (request, reply) => {
    const home = await loadHome(upstreamOf(app, request, options.upstreamTimeoutMs));
    // Personal and assembled per request: no shared cache may keep it.
    return reply.header('cache-control', 'private, no-store').send(home);
  });
}
