import { ExamCategory, SubmissionStatus } from '@tessera/assessment/contract';
import { EnrollmentStatus } from '@tessera/enrollment/contract';
import { Role } from '@tessera/identity/contract';
import { Recommendations } from '@tessera/adaptive/contract';
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** What a section holds when the service behind it failed: the other sections are unaffected. */
export const SectionError = Type.Object({
  error: Type.Object({
    status: Type.Integer({ description: 'The status the service answered; 503 when it could not be reached, 504 when it did not answer in time' }),
    title: Type.String({ description: 'The title of the service\'s problem' }),
  }),
}, { description: 'This section could not be loaded' });
export type SectionError = Static<typeof SectionError>;

/** A section of the home screen: its content, or why it is missing. */
const Section = <T extends TSchema>(content: T) => Type.Union([content, SectionError]);

export const HomeProfile = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.String(),
  locale: Type.String(),
  timeZone: Type.String(),
  roles: Type.Array(Role),
});
export type HomeProfile = Static<typeof HomeProfile>;

/** One of the student's courses with their progress and where they left off. */
export const HomeCourse = Type.Object({
  enrollmentId: Uuid,
  courseId: Uuid,
  courseVersion: Type.Integer(),
  title: Type.String(),
  status: EnrollmentStatus,
  completedLessons: Type.Integer(),
  totalLessons: Type.Integer(),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  secondsSpent: Type.Integer(),
  resumeLessonId: Nullable(Type.String({ format: 'uuid', description: 'The lesson touched last: where to continue' })),
  lastActivityAt: Nullable(DateTime),
  requestedAt: DateTime,
});
export type HomeCourse = Static<typeof HomeCourse>;

export const HomeCourses = Type.Object({
  items: Type.Array(HomeCourse, { description: 'Newest enrollment first; cancelled and expired enrollments are left out' }),
  continue: Type.Union([HomeCourse, Type.Null()], {
    description: 'Continue where you left off: the active course touched last (or, before any lesson is opened, the newest active one); null without an active course',
  }),
  more: Type.Boolean({ description: 'The student has more courses than shown: page through GET /api/v1/me/courses' }),
});
export type HomeCourses = Static<typeof HomeCourses>;

/** A published exam of one of the student's courses whose window has not closed. */
export const UpcomingExam = Type.Object({
  examId: Uuid,
  courseId: Uuid,
  courseTitle: Type.String(),
  title: Type.String(),
  category: ExamCategory,
  opensAt: Nullable(DateTime),
  closesAt: Nullable(DateTime),
  openNow: Type.Boolean({ description: 'An attempt can be started now' }),
  timeLimitMinutes: Nullable(Type.Integer()),
  attemptsAllowed: Type.Integer(),
  attemptsSubmitted: Nullable(Type.Integer({ description: 'The student\'s submissions of this exam; null when they could not be read' })),
});
export type UpcomingExam = Static<typeof UpcomingExam>;

/** One of the student's submissions; the score only once the exam's release rule shows it. */
export const RecentResult = Type.Object({
  submissionId: Uuid,
  attemptId: Uuid,
  examId: Uuid,
  examTitle: Nullable(Type.String({ description: 'Null when the exam is not one of the student\'s current courses' })),
  courseId: Nullable(Uuid),
  status: SubmissionStatus,
  submittedAt: Nullable(DateTime),
  gradedAt: Nullable(DateTime),
  late: Type.Boolean(),
  released: Type.Boolean(),
  score: Nullable(Type.Number()),
  maxScore: Nullable(Type.Number()),
  percent: Nullable(Type.Number()),
  passed: Nullable(Type.Boolean()),
});
export type RecentResult = Static<typeof RecentResult>;

/** `GET /api/v1/me/home`: every section the student home screen shows. */
export const Home = Type.Object({
  profile: Section(HomeProfile),
  courses: Section(HomeCourses),
  upcomingExams: Section(Type.Object({ items: Type.Array(UpcomingExam, { maxItems: 10 }) })),
  recentResults: Section(Type.Object({ items: Type.Array(RecentResult, { maxItems: 5 }) })),
  recommendations: Section(Recommendations),
});
export type Home = Static<typeof Home>;
