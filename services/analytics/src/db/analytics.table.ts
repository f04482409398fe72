import type { ColumnType, Generated } from 'kysely';

// bigint columns: PostgreSQL answers them as strings, PGlite as numbers; written as numbers.
type Bigint = ColumnType<number | string, number, number>;

export interface CoursesTable {
  tenant_id: string;
  course_id: string;
  title: string;
}

export interface EventIdsTable {
  tenant_id: string;
  event_id: string;
  event_time: Date;
}

export interface WatermarksTable {
  tenant_id: string;
  max_event_time: Date;
  late_dropped: ColumnType<number | string, number | undefined, number>;
  updated_at: Generated<Date>;
}

export interface WindowsTable {
  tenant_id: string;
  course_id: string;
  window_start: Date;
  events: Bigint;
  page_views: Bigint;
  attempts: Bigint;
  correct: Bigint;
  time_on_task_ms: Bigint;
  video_watched_sec: number;
  video_views: Bigint;
  video_completions: Bigint;
  lessons_completed: Bigint;
  searches: Bigint;
  users: Uint8Array;
  latency_ms: ColumnType<Array<number | string>, number[], number[]>;
  closed: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface LearnersTable {
  tenant_id: string;
  course_id: string;
  user_id: string;
  attempts: Bigint;
  correct: Bigint;
  time_on_task_ms: Bigint;
  lessons_completed: Bigint;
  first_seen: Date;
  last_seen: Date;
}

export interface LearnerDaysTable {
  tenant_id: string;
  user_id: string;
  day: ColumnType<Date | string, string, string>;
  events: Bigint;
  time_on_task_ms: Bigint;
}

export interface ItemsTable {
  tenant_id: string;
  course_id: string;
  item_id: string;
  attempts: Bigint;
  correct: Bigint;
  latency_ms_total: Bigint;
}

export interface AnalyticsDatabase {
  'analytics.courses': CoursesTable;
  'analytics.event_ids': EventIdsTable;
  'analytics.watermarks': WatermarksTable;
  'analytics.windows': WindowsTable;
  'analytics.learners': LearnersTable;
  'analytics.learner_days': LearnerDaysTable;
  'analytics.items': ItemsTable;
}
