import type { ColumnType, Generated, Selectable } from 'kysely';
import type { EnrollmentStatus } from '../contract/schemas.js';

/** Row types of the enrollment schema. */
export interface CoursesTable {
  tenant_id: string;
  course_id: string;
  latest_version: Generated<number>;
  archived_version: number | null;
  capacity: number | null;
  opens_at: Date | null;
  closes_at: Date | null;
  waitlist_enabled: Generated<boolean>;
  settings_version: Generated<number>;
  waitlist_counter: Generated<number>;
}

/** A module of a course version as stored in `course_versions.modules`. */
export interface StoredModule {
  moduleId: string;
  title: string;
  position: number;
}

export interface CourseVersionsTable {
  tenant_id: string;
  course_id: string;
  version: number;
  title: string;
  price_ref: string | null;
  // Written as JSON text, read back parsed.
  modules: ColumnType<StoredModule[], string, string>;
  lesson_count: number;
  published_at: Date;
}

export interface CourseLessonsTable {
  tenant_id: string;
  course_id: string;
  version: number;
  lesson_id: string;
  module_id: string;
  title: string;
  ordinal: number;
}

export interface EnrollmentsTable {
  id: string;
  tenant_id: string;
  course_id: string;
  user_id: string;
  course_version: number;
  status: EnrollmentStatus;
  price_ref: string | null;
  enrolled_by: string | null;
  waitlist_seq: number | null;
  payment_due_at: Date | null;
  requested_at: Generated<Date>;
  activated_at: Date | null;
  completed_at: Date | null;
  ended_at: Date | null;
  last_lesson_id: string | null;
  last_activity_at: Date | null;
  version: Generated<number>;
}

export interface LessonProgressTable {
  tenant_id: string;
  enrollment_id: string;
  lesson_id: string;
  started_at: Generated<Date>;
  completed_at: Date | null;
  seconds_spent: Generated<number>;
}

export interface UsersTable {
  tenant_id: string;
  user_id: string;
  email: string;
  email_key: string;
  name: string;
  status: UserStatus;
  seen_at: Date;
}

/** Whether a user may be enrolled and learn (identity's `invited` users are not announced until they accept). */
export type UserStatus = 'active' | 'deactivated';

export interface PlannedEnrollmentsTable {
  tenant_id: string;
  course_id: string;
  email_key: string;
  enrolled_by: string;
  completed_lessons: number;
  created_at: Generated<Date>;
}

export type CourseRow = Selectable<CoursesTable>;
export type UserRow = Selectable<UsersTable>;
export type PlannedEnrollmentRow = Selectable<PlannedEnrollmentsTable>;
export type CourseVersionRow = Selectable<CourseVersionsTable>;
export type EnrollmentRow = Selectable<EnrollmentsTable>;

export interface EnrollmentDatabase {
  'enrollment.courses': CoursesTable;
  'enrollment.course_versions': CourseVersionsTable;
  'enrollment.course_lessons': CourseLessonsTable;
  'enrollment.enrollments': EnrollmentsTable;
  'enrollment.lesson_progress': LessonProgressTable;
  'enrollment.users': UsersTable;
  'enrollment.planned_enrollments': PlannedEnrollmentsTable;
}
