import { api, unwrap } from '../api/client';
import { downloadFile } from '../api/download';
import type { paths } from '../api/openapi';

type JsonOf<Op> = Op extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never;

export type CourseActivity = JsonOf<paths['/api/v1/analytics/courses/{courseId}/activity']['get']>;
export type ActivityBucket = CourseActivity['buckets'][number];
export type StrugglingStudent = JsonOf<paths['/api/v1/analytics/courses/{courseId}/struggling']['get']>['items'][number];
export type HardItem = JsonOf<paths['/api/v1/analytics/courses/{courseId}/hardest-items']['get']>['items'][number];
export type MyAnalytics = JsonOf<paths['/api/v1/analytics/me']['get']>;
export type Granularity = paths['/api/v1/analytics/courses/{courseId}/activity']['get']['parameters']['query']['granularity'];

/** A range of the activity API: `[from, to)` as ISO instants, in buckets of `granularity`. */
export interface ActivityRange {
  from: string;
  to: string;
  granularity: Granularity;
}

const MINUTE_MS = 60_000;

/** The last hour in whole minutes, the current (still filling) minute included: sixty buckets. */
export function lastHour(now: Date): ActivityRange {
  const end = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  return { from: new Date(end - 60 * MINUTE_MS).toISOString(), to: new Date(end).toISOString(), granularity: 'minute' };
}

export function fetchCourseActivity(courseId: string, range: ActivityRange): Promise<CourseActivity> {
  return unwrap(api.GET('/api/v1/analytics/courses/{courseId}/activity', { params: { path: { courseId }, query: range } }));
}

export async function fetchStruggling(courseId: string, limit: number): Promise<StrugglingStudent[]> {
  return (await unwrap(api.GET('/api/v1/analytics/courses/{courseId}/struggling', { params: { path: { courseId }, query: { limit } } }))).items;
}

export async function fetchHardestItems(courseId: string, limit: number): Promise<HardItem[]> {
  return (await unwrap(api.GET('/api/v1/analytics/courses/{courseId}/hardest-items', { params: { path: { courseId }, query: { limit } } }))).items;
}

export function fetchMyAnalytics(): Promise<MyAnalytics> {
  return unwrap(api.GET('/api/v1/analytics/me'));
}

/** Saves the course's activity over `range` as a CSV file. */
export function downloadActivityCsv(courseId: string, range: ActivityRange): Promise<void> {
  const query = new URLSearchParams({ from: range.from, to: range.to, granularity: range.granularity });
  const day = range.from.slice(0, 10);
  return downloadFile(`/api/v1/analytics/courses/${encodeURIComponent(courseId)}/activity.csv?${query.toString()}`, `course-activity-${day}-${range.granularity}.csv`);
}
