import type { ItemContent } from '../items/item-types.js';

/** Events the catalog service publishes (`tessera.<name>` on the bus). */
export const CatalogEvents = {
  coursePublished: 'catalog.course.published',
  courseArchived: 'catalog.course.archived',
  itemPublished: 'catalog.item.published',
  skillGraphChanged: 'catalog.skill_graph.changed',
} as const;

/** Course visibility: in the public catalog of all tenants, in the own tenant's catalog, or by link only. */
export type CourseVisibility = 'public' | 'tenant' | 'unlisted';

/** A lesson as `catalog.course.published` describes it. */
export interface PublishedLessonData {
  lessonId: string;
  title: string;
  position: number;
  skills: string[];
}

/** A module as `catalog.course.published` describes it. */
export interface PublishedModuleData {
  moduleId: string;
  title: string;
  position: number;
  lessons: PublishedLessonData[];
}

/** Payload of `catalog.course.published` (subject: the course id): what enrollment, search and billing need. */
export interface CoursePublishedData {
  courseId: string;
  /** 1, 2, ...: the frozen version students who enroll now will follow. */
  version: number;
  title: string;
  visibility: CourseVisibility;
  priceRef: string | null;
  language: string;
  level: string;
  category: string | null;
  tags: string[];
  /** Every skill a lesson of the course teaches. */
  skills: string[];
  modules: PublishedModuleData[];
  publishedAt: string;
  /** Null when an integration (API key) published it. */
  publishedBy: string | null;
}

/** Payload of `catalog.course.archived` (subject: the course id). */
export interface CourseArchivedData {
  courseId: string;
  /** The last published version (null when the course never was published). */
  version: number | null;
  archivedAt: string;
}

/** Payload of `catalog.item.published` (subject: the item id). */
export interface ItemPublishedData {
  itemId: string;
  version: number;
  type: string;
  skills: string[];
  difficulty: number | null;
  /** IRT parameters when known: a (discrimination), b (difficulty), c (guessing). */
  parameters: { a?: number; b?: number; c?: number };
  courseId: string | null;
  publishedAt: string;
  /**
   * The whole published content, answers included: assessment grades with it. Events stay inside the
   * platform; no API hands answers to students.
   */
  content: ItemContent;
}

/** Payload of `catalog.skill_graph.changed`: the tenant's whole skill graph after the change. */
export interface SkillGraphChangedData {
  /** Rises with every change of the tenant's graph: a consumer keeps a graph only when it is newer than its own. */
  graphVersion: number;
  skills: Array<{ skillId: string; name: string }>;
  prerequisites: Array<{ skillId: string; requiresSkillId: string }>;
}
