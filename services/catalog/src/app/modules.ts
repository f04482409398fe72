import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '@tessera/platform';
import type { CreateModuleBody, Module, UpdateModuleBody } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { closePosition, movePosition, openPosition } from '../db/positions.repository.js';
import { deleteRow, findModule, insertModule, modulesOf, updateModuleRow } from '../db/structure.repository.js';
import { assertMayReadDraft, editCourseTree, type Editor } from './editor.js';
import { catalogErrors } from './errors.js';

/** Adds a module to a course (at `position`, default last). */
export async function createModule(db: Database, tenantId: string, courseId: string, body: CreateModuleBody, editor: Editor): Promise<Module> {
  return db.withTenant<CatalogDatabase, Module>(tenantId, (tx) => editCourseTree(tx, tenantId, courseId, editor, async () => {
    const id = randomUUID();
    const position = await openPosition(tx, { table: 'catalog.modules', parent: 'course_id', parentId: courseId }, body.position);
    await insertModule(tx, tenantId, { id, courseId, title: body.title, summary: body.summary ?? '', position });
    return (await findModule(tx, tenantId, id))!;
  }));
}

/** The modules of a course draft, in order (for its co-authors and reviewers). */
export async function listModules(db: Database, tenantId: string, courseId: string, reader: Editor): Promise<Module[]> {
  return db.withTenant<CatalogDatabase, Module[]>(tenantId, async (tx) => {
    await assertMayReadDraft(tx, tenantId, courseId, reader);
    return modulesOf(tx, tenantId, courseId);
  });
}

/** A module of a course draft (for the course's co-authors and reviewers). */
export async function getModule(db: Database, tenantId: string, id: string, reader: Editor): Promise<Module> {
  return db.withTenant<CatalogDatabase, Module>(tenantId, async (tx) => {
    const module = await findModule(tx, tenantId, id);
    if (!module) throw catalogErrors.moduleNotFound(id);
    await assertMayReadDraft(tx, tenantId, module.courseId, reader);
    return module;
  });
}

/** Renames or moves a module if the editor saw its current version. */
export async function updateModule(db: Database, tenantId: string, command: { id: string; changes: UpdateModuleBody; expectedVersion: number; editor: Editor }): Promise<Module> {
  return db.withTenant<CatalogDatabase, Module>(tenantId, async (tx) => {
    const module = await findModule(tx, tenantId, command.id);
    if (!module) throw catalogErrors.moduleNotFound(command.id);
    return editCourseTree(tx, tenantId, module.courseId, command.editor, async () => {
      // Read again under the course lock: what was read before it may have changed since.
      const current = await mustFindModule(tx, tenantId, command.id);
      const { title, summary, position } = command.changes;
      const fields = { ...(title !== undefined && { title }), ...(summary !== undefined && { summary }) };
      if (!(await updateModuleRow(tx, tenantId, module.id, fields, command.expectedVersion))) {
        throw catalogErrors.stale('module', module.id, command.expectedVersion, current.version);
      }
      if (position !== undefined) {
        await movePosition(tx, { table: 'catalog.modules', parent: 'course_id', parentId: module.courseId }, module.id, current.position, position);
      }
      return (await findModule(tx, tenantId, module.id))!;
    });
  });
}

/** Removes a module with its lessons and blocks (the published version keeps them). */
export async function deleteModule(db: Database, tenantId: string, command: { id: string; expectedVersion: number; editor: Editor }): Promise<void> {
  await db.withTenant<CatalogDatabase, void>(tenantId, async (tx) => {
    const module = await findModule(tx, tenantId, command.id);
    if (!module) throw catalogErrors.moduleNotFound(command.id);
    await editCourseTree(tx, tenantId, module.courseId, command.editor, async () => {
      const current = await mustFindModule(tx, tenantId, command.id);
      if (current.version !== command.expectedVersion) throw catalogErrors.stale('module', module.id, command.expectedVersion, current.version);
      await deleteRow(tx, tenantId, 'catalog.modules', module.id);
      await closePosition(tx, { table: 'catalog.modules', parent: 'course_id', parentId: module.courseId }, current.position);
    });
  });
}

async function mustFindModule(tx: Tx<CatalogDatabase>, tenantId: string, id: string): Promise<Module> {
  const module = await findModule(tx, tenantId, id);
  if (!module) throw catalogErrors.moduleNotFound(id);
  return module;
}
