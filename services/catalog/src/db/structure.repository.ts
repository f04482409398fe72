import type { Tx } from '@tessera/platform';
import type { Block, Lesson, Module } from '../contract/index.js';
import type { BlockRow, BlocksTable, CatalogDatabase, LessonRow, ModuleRow } from './catalog.table.js';

type Db = Tx<CatalogDatabase>;

/** Modules of a course in order. */
export async function modulesOf(tx: Db, tenantId: string, courseId: string): Promise<Module[]> {
  const rows = await tx.selectFrom('catalog.modules').selectAll().where('tenant_id', '=', tenantId).where('course_id', '=', courseId)
    .orderBy('position').execute();
  return rows.map(toModule);
}

/** Lessons of a course, ordered by position within each module. */
export async function lessonsOfCourse(tx: Db, tenantId: string, courseId: string): Promise<Lesson[]> {
  const rows = await tx.selectFrom('catalog.lessons').selectAll().where('tenant_id', '=', tenantId).where('course_id', '=', courseId)
    .orderBy('position').execute();
  return rows.map(toLesson);
}

/** Blocks of a course, ordered by position within each lesson. */
export async function blocksOfCourse(tx: Db, tenantId: string, courseId: string): Promise<Block[]> {
  const rows = await tx.selectFrom('catalog.blocks').selectAll().where('tenant_id', '=', tenantId).where('course_id', '=', courseId)
    .orderBy('position').execute();
  return rows.map(toBlock);
}

export async function lessonsOfModule(tx: Db, tenantId: string, moduleId: string): Promise<Lesson[]> {
  const rows = await tx.selectFrom('catalog.lessons').selectAll().where('tenant_id', '=', tenantId).where('module_id', '=', moduleId)
    .orderBy('position').execute();
  return rows.map(toLesson);
}

export async function blocksOfLesson(tx: Db, tenantId: string, lessonId: string): Promise<Block[]> {
  const rows = await tx.selectFrom('catalog.blocks').selectAll().where('tenant_id', '=', tenantId).where('lesson_id', '=', lessonId)
    .orderBy('position').execute();
  return rows.map(toBlock);
}

export async function findModule(tx: Db, tenantId: string, id: string): Promise<Module | undefined> {
  const row = await tx.selectFrom('catalog.modules').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toModule(row) : undefined;
}

export async function findLesson(tx: Db, tenantId: string, id: string): Promise<Lesson | undefined> {
  const row = await tx.selectFrom('catalog.lessons').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toLesson(row) : undefined;
}

export async function findBlock(tx: Db, tenantId: string, id: string): Promise<Block | undefined> {
  const row = await tx.selectFrom('catalog.blocks').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toBlock(row) : undefined;
}

export async function insertModule(tx: Db, tenantId: string, module: { id: string; courseId: string; title: string; summary: string; position: number }): Promise<void> {
  await tx.insertInto('catalog.modules').values({
    id: module.id, tenant_id: tenantId, course_id: module.courseId, title: module.title, summary: module.summary, position: module.position,
  }).execute();
}

export async function insertLesson(
  tx: Db, tenantId: string, lesson: { id: string; courseId: string; moduleId: string; title: string; summary: string; skills: string[]; position: number },
): Promise<void> {
  await tx.insertInto('catalog.lessons').values({
    id: lesson.id, tenant_id: tenantId, course_id: lesson.courseId, module_id: lesson.moduleId, title: lesson.title,
    summary: lesson.summary, skills: lesson.skills, position: lesson.position,
  }).execute();
}

/** The stored form of a block's content. */
export type BlockContent = Pick<BlocksTable, 'title' | 'markdown' | 'html' | 'media_id' | 'item_id'>;

export async function insertBlock(
  tx: Db, tenantId: string, block: { id: string; courseId: string; lessonId: string; kind: BlockRow['kind']; position: number; content: BlockContent },
): Promise<void> {
  await tx.insertInto('catalog.blocks').values({
    id: block.id, tenant_id: tenantId, course_id: block.courseId, lesson_id: block.lessonId, kind: block.kind, position: block.position,
    ...block.content,
  }).execute();
}

/** Updates a module's fields if it is at `expectedVersion`; false on a stale version. */
export async function updateModuleRow(tx: Db, tenantId: string, id: string, changes: Partial<Pick<ModuleRow, 'title' | 'summary'>>, expectedVersion: number): Promise<boolean> {
  const result = await tx.updateTable('catalog.modules').set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateLessonRow(
  tx: Db, tenantId: string, id: string, changes: Partial<Pick<LessonRow, 'title' | 'summary' | 'skills' | 'module_id' | 'position'>>, expectedVersion: number,
): Promise<boolean> {
  const result = await tx.updateTable('catalog.lessons').set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateBlockRow(tx: Db, tenantId: string, id: string, changes: Partial<BlockContent>, expectedVersion: number): Promise<boolean> {
  const result = await tx.updateTable('catalog.blocks').set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteRow(tx: Db, tenantId: string, table: 'catalog.modules' | 'catalog.lessons' | 'catalog.blocks', id: string): Promise<void> {
  await tx.deleteFrom(table).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

function toModule(row: ModuleRow): Module {
  return { id: row.id, courseId: row.course_id, title: row.title, summary: row.summary, position: row.position, version: row.version };
}

function toLesson(row: LessonRow): Lesson {
  return {
    id: row.id, courseId: row.course_id, moduleId: row.module_id, title: row.title, summary: row.summary, position: row.position,
    skills: row.skills, version: row.version,
  };
}

function toBlock(row: BlockRow): Block {
  return {
    id: row.id, lessonId: row.lesson_id, courseId: row.course_id, kind: row.kind, title: row.title, markdown: row.markdown, html: row.html,
    mediaId: row.media_id, itemId: row.item_id, position: row.position, version: row.version,
  };
}
