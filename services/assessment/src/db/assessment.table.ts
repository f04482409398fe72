import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ExamSettings, Section } from '../contract/exams.js';

/** numeric columns come back as strings (pg) or numbers (PGlite): always read through `Number`. */
type Numeric = ColumnType<string | number, number, number>;

export interface ItemVersionsTable {
  tenant_id: string;
  item_id: string;
  version: number;
  type: string;
  skills: string[];
  difficulty: number | null;
  course_id: string | null;
  content: JSONColumnType<Record<string, unknown>, string, string>;
  published_at: Date | string;
}

export interface ItemsTable {
  tenant_id: string;
  item_id: string;
  latest_version: number;
  type: string;
  skills: string[];
  difficulty: number | null;
  author_a: ColumnType<number | null, number | null | undefined, number | null>;
  author_b: ColumnType<number | null, number | null | undefined, number | null>;
  calibrated_a: ColumnType<number | null, number | null | undefined, number | null>;
  calibrated_b: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface EnrollmentsTable {
  tenant_id: string;
  course_id: string;
  user_id: string;
  status: string;
  changed_at: Date | string;
}

/** The draft definition kept in `exams.definition`. */
export interface ExamDefinition {
  settings: ExamSettings;
  sections: Section[];
}

export interface ExamsTable {
  id: string;
  tenant_id: string;
  course_id: string;
  title: string;
  category: string;
  status: 'draft' | 'published' | 'archived';
  version: Generated<number>;
  published_version: number | null;
  definition: JSONColumnType<ExamDefinition, string, string>;
  results_released_at: Date | null;
  feedback_released_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ExamVersionsTable {
  tenant_id: string;
  exam_id: string;
  version: number;
  definition: JSONColumnType<Record<string, unknown>, string, never>;
  published_at: Generated<Date>;
  published_by: string | null;
}

export interface AccommodationsTable {
  tenant_id: string;
  exam_id: string;
  user_id: string;
  extra_time_percent: number;
  extra_minutes: number;
  extra_attempts: number;
  note: string | null;
  updated_at: Generated<Date>;
}

export interface AttemptsTable {
  id: string;
  tenant_id: string;
  exam_id: string;
  exam_version: number;
  course_id: string;
  user_id: string;
  number: number;
  seed: ColumnType<string | number, number, number>;
  slots: JSONColumnType<unknown[], string, never>;
  status: 'in_progress' | 'submitted' | 'graded';
  started_at: Date;
  deadline_at: Date | null;
  submitted_at: Date | null;
  submission_id: string | null;
  /** Adaptive attempts only: where the test stands. */
  adaptive: ColumnType<AdaptiveState | null, string | null | undefined, string | null>;
}

/** The stored progress of an adaptive attempt. */
export interface AdaptiveState {
  maxItems: number;
  finished: boolean;
  stopReason: 'target_se' | 'max_items' | 'pool_exhausted' | null;
  theta: number;
  se: number;
}

export interface AnswersTable {
  tenant_id: string;
  attempt_id: string;
  slot: string;
  seq: ColumnType<string | number, number, number>;
  response: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  saved_at: Date;
}

export interface SubmissionsTable {
  id: string;
  tenant_id: string;
  attempt_id: string;
  exam_id: string;
  exam_version: number;
  course_id: string;
  user_id: string;
  submitted_at: Date;
  late: boolean;
  auto: boolean;
  status: 'graded' | 'pending_manual' | 'awaiting_code_grader';
  score: Numeric;
  max_score: Numeric;
  penalty: Numeric;
  passed: boolean | null;
  items: JSONColumnType<unknown[], string, string>;
  graded_at: Date;
  grading_round: Generated<number>;
  /** The answer per slot that was graded (null for submissions graded before it was kept). */
  answers: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  /** Adaptive exams: the ability estimate the score comes from. */
  ability: ColumnType<{ theta: number; standardError: number } | null, string | null | undefined, string | null>;
}

export interface ManualGradesTable {
  tenant_id: string;
  submission_id: string;
  slot: string;
  exam_id: string;
  max_score: Numeric;
  score: Numeric | null;
  rubric_scores: JSONColumnType<unknown[] | null, string | null, string | null>;
  comment: string | null;
  graded_by: string | null;
  graded_at: Date | null;
}

/** Sharded running sums of the item analysis (src/analysis): `subject` is 'exam' or an item id. */
export interface AnalysisStatsTable {
  tenant_id: string;
  exam_id: string;
  subject: string;
  shard: number;
  stats: JSONColumnType<Record<string, unknown>, string, string>;
}

/** A course's gradebook scheme: per exam category its weight (percent) and how many lowest results drop. */
export interface GradingSchemesTable {
  tenant_id: string;
  course_id: string;
  categories: JSONColumnType<Array<{ category: string; weight: number; dropLowest: number }>, string, string>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface CoursesTable {
  tenant_id: string;
  course_id: string;
  title: string;
  latest_version: number;
  archived_version: number | null;
}

export interface AssessmentDatabase {
  'assessment.courses': CoursesTable;
  'assessment.item_versions': ItemVersionsTable;
  'assessment.items': ItemsTable;
  'assessment.enrollments': EnrollmentsTable;
  'assessment.exams': ExamsTable;
  'assessment.exam_versions': ExamVersionsTable;
  'assessment.accommodations': AccommodationsTable;
  'assessment.attempts': AttemptsTable;
  'assessment.answers': AnswersTable;
  'assessment.submissions': SubmissionsTable;
  'assessment.manual_grades': ManualGradesTable;
  'assessment.grading_schemes': GradingSchemesTable;
  'assessment.analysis_stats': AnalysisStatsTable;
}
