import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });

/** Where an enrollment stands; `requested` is transient (a request lands in one of the next states at once). */
export const EnrollmentStatus = Type.Union([
  Type.Literal('requested'), Type.Literal('pending_payment'), Type.Literal('active'), Type.Literal('waitlisted'),
  Type.Literal('completed'), Type.Literal('cancelled'), Type.Literal('expired'),
]);
export type EnrollmentStatus = Static<typeof EnrollmentStatus>;

/** An enrollment as the API returns it. */
export const Enrollment = Type.Object({
  id: Uuid,
  courseId: Uuid,
  userId: Uuid,
  courseVersion: Type.Integer({ description: 'The published course version the student learns; kept when a newer version is published' }),
  status: EnrollmentStatus,
  priceRef: Nullable(Type.String()),
  waitlistPosition: Nullable(Type.Integer({ minimum: 1, description: '1 = next to be promoted; null unless waitlisted' })),
  enrolledBy: Nullable(Type.String({ format: 'uuid', description: 'The staff member who enrolled the student; null when they enrolled themselves' })),
  paymentDueAt: Nullable(Type.String({ format: 'date-time', description: 'When an unpaid enrollment expires' })),
  requestedAt: Instant,
  activatedAt: Nullable(Type.String({ format: 'date-time' })),
  completedAt: Nullable(Type.String({ format: 'date-time' })),
  endedAt: Nullable(Type.String({ format: 'date-time', description: 'When it was cancelled or expired' })),
  version: Type.Integer(),
});
export type Enrollment = Static<typeof Enrollment>;

/** Body of `POST /courses/{courseId}/enroll`: no user enrolls the caller; another user needs `enrollment.manage`. */
export const EnrollBody = Type.Object({ userId: Type.Optional(Uuid) });
export type EnrollBody = Static<typeof EnrollBody>;

/** A course's enrollment settings (owned by this service) and its current seats. */
export const EnrollmentSettings = Type.Object({
  courseId: Uuid,
  capacity: Nullable(Type.Integer({ minimum: 0, description: 'Seats; null = unlimited' })),
  opensAt: Nullable(Type.String({ format: 'date-time' })),
  closesAt: Nullable(Type.String({ format: 'date-time' })),
  waitlistEnabled: Type.Boolean(),
  seatsTaken: Type.Integer({ description: 'Enrollments holding a seat: pending payment, active or completed' }),
  waitlisted: Type.Integer(),
  version: Type.Integer(),
});
export type EnrollmentSettings = Static<typeof EnrollmentSettings>;

/** Body of `PUT /courses/{courseId}/enrollment-settings` (send `If-Match`). */
export const EnrollmentSettingsBody = Type.Object({
  capacity: Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  opensAt: Nullable(Type.String({ format: 'date-time' })),
  closesAt: Nullable(Type.String({ format: 'date-time' })),
  waitlistEnabled: Type.Boolean(),
});
export type EnrollmentSettingsBody = Static<typeof EnrollmentSettingsBody>;

/** Most seconds one progress report may add: a client cannot claim more than a long sitting at once. */
export const MAX_REPORTED_SECONDS = 4 * 60 * 60;

/** Body of `POST /enrollments/{id}/lessons/{lessonId}/start|complete`: time spent since the last report. */
export const LessonReportBody = Type.Object({
  secondsSpent: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_REPORTED_SECONDS })),
});
export type LessonReportBody = Static<typeof LessonReportBody>;

/** Progress of one lesson. */
export const LessonProgress = Type.Object({
  lessonId: Uuid,
  moduleId: Uuid,
  title: Type.String(),
  startedAt: Nullable(Type.String({ format: 'date-time' })),
  completedAt: Nullable(Type.String({ format: 'date-time' })),
  secondsSpent: Type.Integer(),
});
export type LessonProgress = Static<typeof LessonProgress>;

/** Progress of one module: its completed lessons over all of its lessons. */
export const ModuleProgress = Type.Object({
  moduleId: Uuid,
  title: Type.String(),
  completedLessons: Type.Integer(),
  totalLessons: Type.Integer(),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
});
export type ModuleProgress = Static<typeof ModuleProgress>;

/** An enrollment's progress through the course version it started. */
export const Progress = Type.Object({
  enrollmentId: Uuid,
  courseId: Uuid,
  courseVersion: Type.Integer(),
  status: EnrollmentStatus,
  completedLessons: Type.Integer(),
  totalLessons: Type.Integer(),
  percent: Type.Integer({ minimum: 0, maximum: 100, description: 'Rounded down: 100 only when every lesson is complete' }),
  secondsSpent: Type.Integer(),
  resumeLessonId: Nullable(Type.String({ format: 'uuid', description: 'The lesson touched last' })),
  modules: Type.Array(ModuleProgress),
  lessons: Type.Array(LessonProgress),
});
export type Progress = Static<typeof Progress>;

/** Summary progress shown in lists (my courses, roster). */
const progressSummary = {
  completedLessons: Type.Integer(),
  totalLessons: Type.Integer(),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  secondsSpent: Type.Integer(),
  resumeLessonId: Nullable(Type.String({ format: 'uuid' })),
  lastActivityAt: Nullable(Type.String({ format: 'date-time' })),
};

/** One of the caller's courses with their progress (`GET /me/courses`). */
export const MyCourse = Type.Object({
  enrollmentId: Uuid,
  courseId: Uuid,
  courseVersion: Type.Integer(),
  title: Type.String(),
  status: EnrollmentStatus,
  requestedAt: Instant,
  modules: Type.Array(Type.Object({ moduleId: Uuid, title: Type.String() }), { description: 'The modules of the version the student learns, in course order' }),
  ...progressSummary,
});
export type MyCourse = Static<typeof MyCourse>;

/** One student on a course's roster. */
export const RosterEntry = Type.Object({
  enrollmentId: Uuid,
  userId: Uuid,
  /** As identity last announced them; null for a user enrollment has not heard of yet. */
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  courseVersion: Type.Integer(),
  status: EnrollmentStatus,
  waitlistPosition: Nullable(Type.Integer()),
  requestedAt: Instant,
  ...progressSummary,
});
export type RosterEntry = Static<typeof RosterEntry>;

/** Query of `GET /courses/{courseId}/roster` and `GET /me/courses`: the page and an optional status. */
export const StatusFilterQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 512, description: 'The `nextCursor` of the previous page' })),
  status: Type.Optional(EnrollmentStatus),
});

/** Limits of a roster CSV. */
export const ROSTER_CSV_MAX_BYTES = 200 * 1024;
export const ROSTER_MAX_ROWS = 1000;

/** Body of `POST /courses/{courseId}/roster/import` as JSON (a `text/csv` body is the CSV itself). */
export const RosterImportJson = Type.Object({
  csv: Type.String({ minLength: 1, maxLength: ROSTER_CSV_MAX_BYTES, description: `CSV with a \`userId\` or an \`email\` column; at most ${ROSTER_MAX_ROWS} rows and 200 KB` }),
});

/** A CSV row that was not enrolled, and why. */
export const RosterImportError = Type.Object({
  line: Type.Integer(),
  userId: Nullable(Type.String({ description: 'As given, or the user the email names; null when there is none' })),
  email: Type.Optional(Type.String({ description: 'As given, when the row names the user by email' })),
  detail: Type.String(),
});
export type RosterImportError = Static<typeof RosterImportError>;

/** What a roster import did: enrolled rows (active or waitlisted) and refused rows with their line. */
export const RosterImportResult = Type.Object({ enrolled: Type.Array(Enrollment), errors: Type.Array(RosterImportError) });
export type RosterImportResult = Static<typeof RosterImportResult>;
