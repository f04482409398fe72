import { AppError, type Tx } from '@tessera/platform';
import type { AnalyticsDatabase } from '../db/analytics.table.js';
import { knownCourses } from '../db/course.repository.js';
import { hardestItems, learnerCourses, learnerDays, strugglingLearners } from '../db/dashboard.repository.js';
import { isoDay, streakDays } from '../domain/streak.js';
import type { AnalyticsDeps } from './deps.js';

/** Fewer answers than this say too little about a learner or an item to rank them. */
export const MIN_ATTEMPTS_TO_RANK = 3;
/** How far back a streak is looked for (a year), and how many days the learner's chart shows. */
const STREAK_HORIZON_DAYS = 366;
const CHART_DAYS = 30;

type Db = Tx<AnalyticsDatabase>;

/** 404 for a course the tenant has not published (another tenant's included). */
export async function assertCourse(tx: Db, tenantId: string, courseId: string): Promise<void> {
  if (!(await knownCourses(tx, tenantId, [courseId])).has(courseId)) throw new AppError('not_found', 'ANALYTICS.COURSE_NOT_FOUND', `No published course ${courseId}`);
}

/** The course's learners most in need of help: the lowest share of correct answers among those who answered enough. */
export async function strugglingOf(deps: Pick<AnalyticsDeps, 'db'>, tenantId: string, courseId: string, limit: number) {
  return deps.db.withTenant<AnalyticsDatabase, Awaited<ReturnType<typeof strugglingLearners>>>(tenantId, async (tx) => {
    await assertCourse(tx, tenantId, courseId);
    return strugglingLearners(tx, tenantId, courseId, MIN_ATTEMPTS_TO_RANK, limit);
  });
}

/** The course's items answered wrongly most often. */
export async function hardestOf(deps: Pick<AnalyticsDeps, 'db'>, tenantId: string, courseId: string, limit: number) {
  return deps.db.withTenant<AnalyticsDatabase, Awaited<ReturnType<typeof hardestItems>>>(tenantId, async (tx) => {
    await assertCourse(tx, tenantId, courseId);
    return hardestItems(tx, tenantId, courseId, MIN_ATTEMPTS_TO_RANK, limit);
  });
}

/** A learner's own figures: time per day over the last 30 days, the streak, and each course's progress. */
export async function learnerOverview(deps: Pick<AnalyticsDeps, 'db'>, tenantId: string, userId: string, now = new Date()) {
  const horizon = new Date(now.getTime() - STREAK_HORIZON_DAYS * 86_400_000);
  const { days, courses } = await deps.db.withTenant<AnalyticsDatabase, { days: Awaited<ReturnType<typeof learnerDays>>; courses: Awaited<ReturnType<typeof learnerCourses>> }>(tenantId, async (tx) => ({
    days: await learnerDays(tx, tenantId, userId, isoDay(horizon)), courses: await learnerCourses(tx, tenantId, userId),
  }));
  const chartFrom = isoDay(new Date(now.getTime() - (CHART_DAYS - 1) * 86_400_000));
  return {
    days: days.filter((day) => day.day >= chartFrom),
    streakDays: streakDays(new Set(days.filter((day) => day.events > 0).map((day) => day.day)), now),
    totalTimeOnTaskMs: courses.reduce((sum, course) => sum + course.timeOnTaskMs, 0),
    courses,
  };
}
