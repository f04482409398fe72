import { api, unwrap } from '../../../api/client';

const PAGE = 100;
const MAX_PAGES = 5;

/**
 * Names of a course's students by user id, read from its roster (the adaptive service knows ids only). A
 * roster the viewer may not read, or one that fails, leaves the screens with short ids instead.
 */
export async function studentNames(courseId: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await unwrap(api.GET('/api/v1/courses/{courseId}/roster', { params: { path: { courseId }, query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } }));
      for (const row of result.items) if (row.name) names.set(row.userId, row.name);
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
  } catch {
    // Names are a convenience: the insights stand without them.
  }
  return names;
}
