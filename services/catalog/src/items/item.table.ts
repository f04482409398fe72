import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ItemContent, ItemStatus, ItemType } from './item-types.js';

/** Row types of the question bank tables. */
export interface ItemsTable {
  id: string;
  tenant_id: string;
  type: ItemType;
  title: string;
  /** Written as JSON text, read back parsed. */
  content: ColumnType<ItemContent, string, string>;
  search_text: string;
  course_id: string | null;
  status: Generated<ItemStatus>;
  version: Generated<number>;
  published_version: number | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ItemVersionsTable {
  tenant_id: string;
  item_id: string;
  version: number;
  type: ItemType;
  title: string;
  content: ColumnType<ItemContent, string, never>;
  search_text: string;
  skills: ColumnType<string[], never, never>;
  published_at: Generated<Date>;
  published_by: string | null;
}

/** Who took a step of an item's review workflow, and when. */
export interface ItemReviewLogTable {
  id: string;
  seq: Generated<number>;
  tenant_id: string;
  item_id: string;
  action: 'submitted' | 'approved' | 'rejected' | 'published' | 'archived';
  actor_id: string | null;
  comment: string | null;
  version: number | null;
  at: Generated<Date>;
}

export interface ItemSkillsTable {
  tenant_id: string;
  item_id: string;
  skill_id: string;
}

export type ItemRow = Selectable<ItemsTable>;
export type ItemVersionRow = Selectable<ItemVersionsTable>;

export interface ItemsDatabase {
  'catalog.items': ItemsTable;
  'catalog.item_versions': ItemVersionsTable;
  'catalog.item_skills': ItemSkillsTable;
  'catalog.item_review_log': ItemReviewLogTable;
}
