import type { Generated } from 'kysely';

/** Row types of the adaptive schema (see migrations/0001_adaptive.sql for what each table is for). */
export interface ItemsTable {
  tenant_id: string;
  item_id: string;
  version: number;
  type: string;
  skills: string[];
  course_id: string | null;
  content: unknown;
  difficulty: number | null;
  author_a: number | null;
  author_b: number | null;
  calibrated_a: number | null;
  calibrated_b: number | null;
  calibrated_n: Generated<number>;
  practice_uses: Generated<number>;
  exam_uses: Generated<number>;
  gain_sum: Generated<number>;
  gain_n: Generated<number>;
  published_at: Date;
}

export interface SkillsTable {
  tenant_id: string;
  skill_id: string;
  name: string;
}

export interface PrerequisitesTable {
  tenant_id: string;
  skill_id: string;
  requires_skill_id: string;
}

export interface CoursesTable {
  tenant_id: string;
  course_id: string;
  version: number;
  title: string;
  skills: string[];
  lessons: unknown;
  target_low: Generated<number>;
  target_high: Generated<number>;
  mastery_threshold: Generated<number>;
  settings_version: Generated<number>;
}

export interface EnrollmentsTable {
  tenant_id: string;
  course_id: string;
  user_id: string;
  status: string;
  changed_at: Date;
}

export interface ResponsesTable {
  tenant_id: string;
  id: string;
  user_id: string;
  item_id: string;
  course_id: string | null;
  skills: string[];
  correct: boolean;
  source: 'practice' | 'exam' | 'cat';
  source_ref: string;
  was_review: Generated<boolean>;
  answered_at: Date;
}

export interface SkillParamsTable {
  tenant_id: string;
  skill_id: string;
  prior: number;
  learn: number;
  guess: number;
  slip: number;
  forget: Generated<number>;
  responses: number;
  fitted_at: Date;
}

export interface MasteryTable {
  tenant_id: string;
  user_id: string;
  skill_id: string;
  p_known: number;
  attempts: Generated<number>;
  successes: Generated<number>;
  last_answered_at: Date | null;
  updated_at: Generated<Date>;
}

export interface AbilitiesTable {
  tenant_id: string;
  user_id: string;
  theta: number;
  se: number;
  responses: number;
  updated_at: Generated<Date>;
}

export interface ReviewCardsTable {
  tenant_id: string;
  user_id: string;
  skill_id: string;
  scheduler: 'fsrs' | 'sm2';
  card: unknown;
  due_at: Date;
  reviews: Generated<number>;
  last_review_at: Date | null;
  announced_due_at: Date | null;
}

export interface ReviewLogTable {
  tenant_id: string;
  user_id: string;
  skill_id: string;
  response_id: string;
  rating: number;
  elapsed_days: number;
  reviewed_at: Date;
}

export interface LearnerSettingsTable {
  tenant_id: string;
  user_id: string;
  scheduler: Generated<'fsrs' | 'sm2'>;
}

export interface TenantModelsTable {
  tenant_id: string;
  predictor: unknown;
  fsrs_weights: number[] | null;
  responses: Generated<number>;
  evaluation: unknown;
  fitted_at: Generated<Date>;
}

export interface CatSessionsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  course_id: string;
  skills: string[];
  status: 'in_progress' | 'finished';
  theta: number;
  se: number;
  max_items: number;
  target_se: number;
  current_item: string | null;
  administered: unknown;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface ModelVersionsTable {
  tenant_id: string;
  version: number | string;
  graph_version: Generated<number | string>;
}

export interface ExamsTable {
  tenant_id: string;
  exam_id: string;
  course_id: string;
  version: number;
  title: string;
  opens_at: Date | null;
  closes_at: Date | null;
  item_ids: string[];
}

export interface AdaptiveDatabase {
  'adaptive.items': ItemsTable;
  'adaptive.skills': SkillsTable;
  'adaptive.prerequisites': PrerequisitesTable;
  'adaptive.courses': CoursesTable;
  'adaptive.enrollments': EnrollmentsTable;
  'adaptive.responses': ResponsesTable;
  'adaptive.skill_params': SkillParamsTable;
  'adaptive.mastery': MasteryTable;
  'adaptive.abilities': AbilitiesTable;
  'adaptive.review_cards': ReviewCardsTable;
  'adaptive.review_log': ReviewLogTable;
  'adaptive.learner_settings': LearnerSettingsTable;
  'adaptive.tenant_models': TenantModelsTable;
  'adaptive.cat_sessions': CatSessionsTable;
  'adaptive.model_versions': ModelVersionsTable;
  'adaptive.exams': ExamsTable;
}
