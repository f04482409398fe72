import type { Generated, Selectable } from 'kysely';

/** Row types of the catalog schema (courses, structure, skills, versions, search). */
export interface CoursesTable {
  id: string;
  tenant_id: string;
  title: string;
  summary: Generated<string>;
  category: string | null;
  language: Generated<string>;
  level: Generated<'beginner' | 'intermediate' | 'advanced'>;
  tags: Generated<string[]>;
  price_ref: string | null;
  visibility: Generated<'public' | 'tenant' | 'unlisted'>;
  status: Generated<'draft' | 'in_review' | 'published' | 'archived'>;
  version: Generated<number>;
  published_version: number | null;
  submitted_by: string | null;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CourseInstructorsTable {
  tenant_id: string;
  course_id: string;
  user_id: string;
  added_at: Generated<Date>;
}

export interface ModulesTable {
  id: string;
  tenant_id: string;
  course_id: string;
  title: string;
  summary: Generated<string>;
  position: number;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LessonsTable {
  id: string;
  tenant_id: string;
  course_id: string;
  module_id: string;
  title: string;
  summary: Generated<string>;
  position: number;
  skills: Generated<string[]>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BlocksTable {
  id: string;
  tenant_id: string;
  course_id: string;
  lesson_id: string;
  kind: 'rich_text' | 'video' | 'file' | 'question';
  title: string | null;
  markdown: string | null;
  html: string | null;
  media_id: string | null;
  item_id: string | null;
  position: number;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SkillsTable {
  id: string;
  tenant_id: string;
  name: string;
  description: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SkillPrerequisitesTable {
  tenant_id: string;
  skill_id: string;
  requires_skill_id: string;
}

export interface SkillGraphVersionsTable {
  tenant_id: string;
  version: Generated<string>;
}

export interface CourseVersionsTable {
  tenant_id: string;
  course_id: string;
  version: number;
  title: string;
  /** The PublishedCourse, serialised. */
  snapshot: unknown;
  published_by: string | null;
  published_at: Generated<Date>;
}

export interface ReviewLogTable {
  id: string;
  seq: Generated<number>;
  tenant_id: string;
  course_id: string;
  action: 'submitted' | 'approved' | 'rejected' | 'published' | 'archived';
  actor_id: string | null;
  comment: string | null;
  version: number | null;
  at: Generated<Date>;
}

export interface PublishedLessonsTable {
  tenant_id: string;
  lesson_id: string;
  course_id: string;
}

export interface SearchDocumentsTable {
  id: string;
  tenant_id: string;
  kind: 'course' | 'lesson' | 'item';
  course_id: string | null;
  version: number;
  visibility: string;
  title: string;
  summary: string;
  body: string;
  category: string | null;
  /** Null for items only (a check constraint keeps course and lesson rows filled). */
  level: string | null;
  language: string | null;
  tags: string[];
  skills: string[];
  price_ref: string | null;
  published_at: Date;
}

/** A grant to open a paid course's content (see migration 0009): an enrollment's or a bought lesson's. */
export interface ContentAccessTable {
  tenant_id: string;
  /** The enrollment id (whole course) or the billing order id (one lesson). */
  grant_id: string;
  user_id: string;
  /** Null only on a revoke that arrived before its grant and did not name the course. */
  course_id: string | null;
  /** Null: the whole course. */
  lesson_id: string | null;
  granted_at: Date | null;
  revoked_at: Date | null;
}

export type CourseRow = Selectable<CoursesTable>;
export type ModuleRow = Selectable<ModulesTable>;
export type LessonRow = Selectable<LessonsTable>;
export type BlockRow = Selectable<BlocksTable>;
export type SkillRow = Selectable<SkillsTable>;

export interface CatalogDatabase {
  'catalog.courses': CoursesTable;
  'catalog.course_instructors': CourseInstructorsTable;
  'catalog.modules': ModulesTable;
  'catalog.lessons': LessonsTable;
  'catalog.blocks': BlocksTable;
  'catalog.skills': SkillsTable;
  'catalog.skill_prerequisites': SkillPrerequisitesTable;
  'catalog.skill_graph_versions': SkillGraphVersionsTable;
  'catalog.course_versions': CourseVersionsTable;
  'catalog.review_log': ReviewLogTable;
  'catalog.published_lessons': PublishedLessonsTable;
  'catalog.search_documents': SearchDocumentsTable;
  'catalog.content_access': ContentAccessTable;
}
