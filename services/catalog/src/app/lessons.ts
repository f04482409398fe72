import { randomUUID } from 'node:crypto';
import { AppError, type Database, type Tx } from '@tessera/platform';
import type { CreateLessonBody, Lesson, UpdateLessonBody } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { closePosition, movePosition, openPosition, type Siblings } from '../db/positions.repository.js';
import { skillNames } from '../db/skill.repository.js';
import { deleteRow, findLesson, findModule, insertLesson, lessonsOfModule, updateLessonRow } from '../db/structure.repository.js';
import { assertMayReadDraft, editCourseTree, type Editor } from './editor.js';
import { catalogErrors } from './errors.js';

type Db = Tx<CatalogDatabase>;
const inModule = (moduleId: string): Siblings => ({ table: 'catalog.lessons', parent: 'module_id', parentId: moduleId });

/** Adds a lesson to a module (at `position`, default last). */
export async function createLesson(db: Database, tenantId: string, moduleId: string, body: CreateLessonBody, editor: Editor): Promise<Lesson> {
  return db.withTenant<CatalogDatabase, Lesson>(tenantId, async (tx) => {
    const module = await findModule(tx, tenantId, moduleId);
    if (!module) throw catalogErrors.moduleNotFound(moduleId);
    return editCourseTree(tx, tenantId, module.courseId, editor, async () => {
      const skills = body.skills ?? [];
      await assertSkillsExist(tx, tenantId, skills);
      const id = randomUUID();
      const position = await openPosition(tx, inModule(moduleId), body.position);
      await insertLesson(tx, tenantId, { id, courseId: module.courseId, moduleId, title: body.title, summary: body.summary ?? '', skills, position });
      return (await findLesson(tx, tenantId, id))!;
    });
  });
}

/** The lessons of a module draft, in order (for the course's co-authors and reviewers). */
export async function listLessons(db: Database, tenantId: string, moduleId: string, reader: Editor): Promise<Lesson[]> {
  return db.withTenant<CatalogDatabase, Lesson[]>(tenantId, async (tx) => {
    const module = await findModule(tx, tenantId, moduleId);
    if (!module) throw catalogErrors.moduleNotFound(moduleId);
    await assertMayReadDraft(tx, tenantId, module.courseId, reader);
    return lessonsOfModule(tx, tenantId, moduleId);
  });
}

/** A lesson draft (for the course's co-authors and reviewers). */
export async function getLesson(db: Database, tenantId: string, id: string, reader: Editor): Promise<Lesson> {
  return db.withTenant<CatalogDatabase, Lesson>(tenantId, async (tx) => {
    const lesson = await mustFindLesson(tx, tenantId, id);
    await assertMayReadDraft(tx, tenantId, lesson.courseId, reader);
    return lesson;
  });
}

/** Changes a lesson, reorders it, or moves it to another module of the same course. */
export async function updateLesson(db: Database, tenantId: string, command: { id: string; changes: UpdateLessonBody; expectedVersion: number; editor: Editor }): Promise<Lesson> {
  return db.withTenant<CatalogDatabase, Lesson>(tenantId, async (tx) => {
    const found = await findLesson(tx, tenantId, command.id);
    if (!found) throw catalogErrors.lessonNotFound(command.id);
    return editCourseTree(tx, tenantId, found.courseId, command.editor, async () => {
      const lesson = await mustFindLesson(tx, tenantId, command.id);
      const { title, summary, skills, position, moduleId } = command.changes;
      if (skills) await assertSkillsExist(tx, tenantId, skills);
      const fields = { ...(title !== undefined && { title }), ...(summary !== undefined && { summary }), ...(skills !== undefined && { skills }) };
      if (!(await updateLessonRow(tx, tenantId, lesson.id, fields, command.expectedVersion))) {
        throw catalogErrors.stale('lesson', lesson.id, command.expectedVersion, lesson.version);
      }
      if (moduleId !== undefined && moduleId !== lesson.moduleId) await moveToModule(tx, tenantId, lesson, moduleId, position);
      else if (position !== undefined) await movePosition(tx, inModule(lesson.moduleId), lesson.id, lesson.position, position);
      return (await findLesson(tx, tenantId, lesson.id))!;
    });
  });
}

/** Removes a lesson with its blocks. */
export async function deleteLesson(db: Database, tenantId: string, command: { id: string; expectedVersion: number; editor: Editor }): Promise<void> {
  await db.withTenant<CatalogDatabase, void>(tenantId, async (tx) => {
    const found = await findLesson(tx, tenantId, command.id);
    if (!found) throw catalogErrors.lessonNotFound(command.id);
    await editCourseTree(tx, tenantId, found.courseId, command.editor, async () => {
      const lesson = await mustFindLesson(tx, tenantId, command.id);
      if (lesson.version !== command.expectedVersion) throw catalogErrors.stale('lesson', lesson.id, command.expectedVersion, lesson.version);
      await deleteRow(tx, tenantId, 'catalog.lessons', lesson.id);
      await closePosition(tx, inModule(lesson.moduleId), lesson.position);
    });
  });
}

/** Refuses skill ids the tenant does not have (another tenant's skills included) with 422 naming them. */
export async function assertSkillsExist(tx: Db, tenantId: string, ids: readonly string[]): Promise<void> {
  const known = await skillNames(tx, tenantId, ids);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError('unprocessable', 'CATALOG.UNKNOWN_SKILL', `No skill ${unknown.join(', ')}`, {
      errors: unknown.map((id) => ({ pointer: `/body/skills/${ids.indexOf(id)}`, detail: `no skill ${id}` })),
    });
  }
}

async function moveToModule(tx: Db, tenantId: string, lesson: Lesson, moduleId: string, position: number | undefined): Promise<void> {
  const target = await findModule(tx, tenantId, moduleId);
  if (!target || target.courseId !== lesson.courseId) {
    throw new AppError('unprocessable', 'CATALOG.MODULE_NOT_IN_COURSE', `Module ${moduleId} is not a module of course ${lesson.courseId}`, {
      errors: [{ pointer: '/body/moduleId', detail: 'must be a module of the same course' }],
    });
  }
  await closePosition(tx, inModule(lesson.moduleId), lesson.position);
  const to = await openPosition(tx, inModule(moduleId), position);
  await tx.updateTable('catalog.lessons').set({ module_id: moduleId, position: to }).where('tenant_id', '=', tenantId).where('id', '=', lesson.id).execute();
}

async function mustFindLesson(tx: Db, tenantId: string, id: string): Promise<Lesson> {
  const lesson = await findLesson(tx, tenantId, id);
  if (!lesson) throw catalogErrors.lessonNotFound(id);
  return lesson;
}
