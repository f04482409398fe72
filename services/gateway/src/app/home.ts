import type { Recommendations } from '@tessera/adaptive/contract';
import type { Exam, Submission } from '@tessera/assessment/contract';
import type { MyCourse } from '@tessera/enrollment/contract';
import type { User } from '@tessera/identity/contract';
import { AppError } from '@tessera/platform';
import type { Home, HomeCourse, HomeCourses, HomeProfile, RecentResult, SectionError, UpcomingExam } from '../contract/index.js';
import type { Fetched, Upstream } from './upstream.js';

/** The exams a student sees of a course (`GET /courses/{courseId}/exams`). */
export type ExamSummary = Pick<Exam, 'id' | 'courseId' | 'title' | 'category' | 'status' | 'publishedVersion' | 'settings'>;
export interface CourseExams {
  course: MyCourse;
  exams: ExamSummary[];
}

/** One page of /me/courses: the most a home screen lists, and the most exam lists it asks for. */
const COURSES_LIMIT = 100;
const UPCOMING_LIMIT = 10;
const RESULTS_LIMIT = 5;
/** Enrollments whose exams the student may take (assessment's rule), so whose exams are upcoming for them. */
const TAKING_EXAMS = new Set<string>(['active', 'completed']);
const ENDED = new Set<string>(['cancelled', 'expired']);
/** Assessment's answer for a course it has no exams of yet (it learns of courses from their publication). */
const COURSE_UNKNOWN_TO_ASSESSMENT = 'ASSESSMENT.COURSE_NOT_FOUND';

/**
 * Reads every section in parallel from the services' public routes (the exam lists as soon as the courses are
 * known). A section whose service failed carries its error; only a refused credential fails the whole page.
 */
export async function loadHome(upstream: Upstream, now = new Date()): Promise<Home> {
  const courses = upstream<{ items: MyCourse[]; nextCursor: string | null }>(`/api/v1/me/courses?limit=${COURSES_LIMIT}`);
  const exams = courses.then((fetched) => (fetched.ok ? examsOfCourses(upstream, fetched.body.items) : fetched));
  const [profile, myCourses, courseExams, submissions, recommendations] = await Promise.all([
    upstream<User>('/api/v1/me'),
    courses,
    exams,
    upstream<{ items: Submission[] }>('/api/v1/me/submissions'),
    upstream<Recommendations>('/api/v1/adaptive/recommendations'),
  ]);
  refuseUnlessProfileAllowed(profile);
  const submitted = submissions.ok ? submissions.body.items : undefined;
  return {
    profile: section(profile, profileOf),
    courses: section(myCourses, (page) => coursesOf(page.items, page.nextCursor !== null)),
    upcomingExams: section(courseExams, (lists) => ({ items: upcomingExams(lists, submitted, now) })),
    recentResults: section(submissions, (page) => ({ items: recentResults(page.items, courseExams.ok ? courseExams.body : []) })),
    recommendations: section(recommendations, (body) => body),
  };
}

/** The caller's own credential refused (signed out meanwhile, an API key): the page is refused the same way. */
function refuseUnlessProfileAllowed(profile: Fetched<User>): void {
  if (profile.ok || (profile.error.status !== 401 && profile.error.status !== 403)) return;
  const kind = profile.error.status === 401 ? 'unauthorized' : 'forbidden';
  throw new AppError(kind, profile.code ?? 'GATEWAY.PROFILE_REFUSED', profile.detail ?? profile.error.title);
}

function section<T, S>(fetched: Fetched<T>, present: (body: T) => S): S | SectionError {
  return fetched.ok ? present(fetched.body) : { error: fetched.error };
}

function profileOf(user: User): HomeProfile {
  return { id: user.id, name: user.name, email: user.email, locale: user.locale, timeZone: user.timeZone, roles: user.roles };
}

function coursesOf(courses: MyCourse[], more: boolean): HomeCourses {
  const items = courses.filter((course) => !ENDED.has(course.status)).map(homeCourseOf);
  return { items, continue: continueWith(items), more };
}

function homeCourseOf(course: MyCourse): HomeCourse {
  return {
    enrollmentId: course.enrollmentId, courseId: course.courseId, courseVersion: course.courseVersion, title: course.title, status: course.status,
    completedLessons: course.completedLessons, totalLessons: course.totalLessons, percent: course.percent, secondsSpent: course.secondsSpent,
    resumeLessonId: course.resumeLessonId, lastActivityAt: course.lastActivityAt, requestedAt: course.requestedAt,
  };
}

/** The active course touched last; before any lesson was opened, the newest active enrollment (the list's order). */
function continueWith(courses: HomeCourse[]): HomeCourse | null {
  const active = courses.filter((course) => course.status === 'active');
  const touched = active.filter((course) => course.lastActivityAt !== null);
  if (touched.length === 0) return active[0] ?? null;
  return touched.reduce((latest, course) => (Date.parse(course.lastActivityAt ?? '') > Date.parse(latest.lastActivityAt ?? '') ? course : latest));
}

/**
 * The exam lists of the courses whose exams the student may take, in parallel. A course assessment does not
 * know yet has no exams; any other failure fails the section (a partial list would hide an exam).
 */
async function examsOfCourses(upstream: Upstream, courses: MyCourse[]): Promise<Fetched<CourseExams[]>> {
  const taking = [...new Map(courses.filter((course) => TAKING_EXAMS.has(course.status)).map((course) => [course.courseId, course])).values()];
  const lists = await Promise.all(taking.map(async (course): Promise<Fetched<CourseExams>> => {
    const fetched = await upstream<{ items: ExamSummary[] }>(`/api/v1/courses/${encodeURIComponent(course.courseId)}/exams`);
    if (fetched.ok) return { ok: true, body: { course, exams: fetched.body.items } };
    return fetched.code === COURSE_UNKNOWN_TO_ASSESSMENT ? { ok: true, body: { course, exams: [] } } : fetched;
  }));
  const failed = lists.find((list) => !list.ok);
  if (failed) return failed as Fetched<never>;
  return { ok: true, body: lists.flatMap((list) => (list.ok ? [list.body] : [])) };
}

/**
 * Published exams whose window has not closed, soonest first: those open now by their closing time (no
 * closing time last), then those not yet open by their opening time.
 */
export function upcomingExams(lists: CourseExams[], submissions: Submission[] | undefined, now: Date): UpcomingExam[] {
  const at = now.getTime();
  const upcoming = lists.flatMap(({ course, exams }) => exams
    .filter((exam) => exam.status === 'published' && exam.publishedVersion !== null)
    .filter((exam) => exam.settings.closesAt === null || Date.parse(exam.settings.closesAt) > at)
    .map((exam): UpcomingExam => ({
      examId: exam.id, courseId: exam.courseId, courseTitle: course.title, title: exam.title, category: exam.category,
      opensAt: exam.settings.opensAt, closesAt: exam.settings.closesAt,
      openNow: exam.settings.opensAt === null || Date.parse(exam.settings.opensAt) <= at,
      timeLimitMinutes: exam.settings.timeLimitMinutes, attemptsAllowed: exam.settings.attemptsAllowed,
      attemptsSubmitted: submissions ? submissions.filter((submission) => submission.examId === exam.id).length : null,
    })));
  return upcoming.sort(bySoonest).slice(0, UPCOMING_LIMIT);
}

function bySoonest(a: UpcomingExam, b: UpcomingExam): number {
  const key = (exam: UpcomingExam) => Date.parse((exam.openNow ? exam.closesAt : exam.opensAt) ?? '') || Number.POSITIVE_INFINITY;
  if (a.openNow !== b.openNow) return a.openNow ? -1 : 1;
  return key(a) - key(b) || a.title.localeCompare(b.title);
}

/** The newest submissions (assessment lists them newest first), named after their exam where the student's courses show it. */
function recentResults(submissions: Submission[], lists: CourseExams[]): RecentResult[] {
  const exams = new Map(lists.flatMap(({ exams: ofCourse }) => ofCourse.map((exam) => [exam.id, exam] as const)));
  return submissions.slice(0, RESULTS_LIMIT).map((submission) => {
    const exam = exams.get(submission.examId);
    return {
      submissionId: submission.id, attemptId: submission.attemptId, examId: submission.examId,
      examTitle: exam?.title ?? null, courseId: exam?.courseId ?? null, status: submission.status,
      submittedAt: submission.submittedAt, gradedAt: submission.gradedAt, late: submission.late, released: submission.released,
      score: submission.score, maxScore: submission.maxScore, percent: submission.percent, passed: submission.passed,
    };
  });
}
