import { Type } from '@sinclair/typebox';
import { etagOf, principalOf, versionFromIfMatch, type HttpApp, type ServiceContext } from '@tessera/platform';
import { createBlock, deleteBlock, getBlock, listBlocks, updateBlock } from '../app/blocks.js';
import { createLesson, deleteLesson, listLessons, updateLesson } from '../app/lessons.js';
import { createModule, deleteModule, getModule, listModules, updateModule } from '../app/modules.js';
import {
  Block, CatalogPermissions, CreateBlockBody, CreateLessonBody, CreateModuleBody, Lesson, Module, UpdateBlockBody, UpdateLessonBody, UpdateModuleBody,
} from '../contract/index.js';
import { BlockParams, CourseParams, editorOf, IfMatch, LessonParams, ModuleParams, readerOf, tags } from './support.js';

const author = CatalogPermissions.author;
const editNote = 'Co-authors of the course (or holders of catalog.content.manage_all) only; requires If-Match. '
  + 'The course moves to a new version; a published course becomes a draft again, students keep the published version.';

/** Authoring of a course's tree: modules, lessons and content blocks, with reordering. Drafts only: the course's co-authors and reviewers read them. */
export async function structureRoutes(app: HttpApp, context: ServiceContext): Promise<void> {
  app.post('/courses/:courseId/modules', {
    config: { idempotent: true, permission: author },
    schema: { tags, summary: 'Add a module (at position, default last)', params: CourseParams, body: CreateModuleBody, response: { 201: Module } },
  }, async (request, reply) => {
    const module = await createModule(context.db, principalOf(request).tenantId, request.params.courseId, request.body, editorOf(request));
    return reply.code(201).header('etag', etagOf(module.version)).header('location', `/api/v1/modules/${module.id}`).send(module);
  });

  app.get('/courses/:courseId/modules', {
    config: { permission: author },
    schema: { tags, summary: 'The modules of a course draft, in order', params: CourseParams, response: { 200: Type.Object({ items: Type.Array(Module) }) } },
  }, async (request) => ({ items: await listModules(context.db, principalOf(request).tenantId, request.params.courseId, readerOf(request)) }));

  app.get('/modules/:moduleId', {
    config: { permission: author },
    schema: { tags, summary: 'A module of a course draft', params: ModuleParams, response: { 200: Module } },
  }, async (request, reply) => {
    const module = await getModule(context.db, principalOf(request).tenantId, request.params.moduleId, readerOf(request));
    return reply.header('etag', etagOf(module.version)).send(module);
  });

  app.patch('/modules/:moduleId', {
    config: { permission: author },
    schema: { tags, summary: 'Rename or move a module', description: editNote, params: ModuleParams, headers: IfMatch, body: UpdateModuleBody, response: { 200: Module } },
  }, async (request, reply) => {
    const module = await updateModule(context.db, principalOf(request).tenantId, {
      id: request.params.moduleId, changes: request.body, expectedVersion: versionFromIfMatch(request), editor: editorOf(request),
    });
    return reply.header('etag', etagOf(module.version)).send(module);
  });

  app.delete('/modules/:moduleId', {
    config: { permission: author },
    schema: { tags, summary: 'Remove a module with its lessons', description: editNote, params: ModuleParams, headers: IfMatch, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await deleteModule(context.db, principalOf(request).tenantId, { id: request.params.moduleId, expectedVersion: versionFromIfMatch(request), editor: editorOf(request) });
    return reply.code(204).send(null);
  });

  app.post('/modules/:moduleId/lessons', {
    config: { idempotent: true, permission: author },
    schema: { tags, summary: 'Add a lesson to a module', params: ModuleParams, body: CreateLessonBody, response: { 201: Lesson } },
  }, async (request, reply) => {
    const lesson = await createLesson(context.db, principalOf(request).tenantId, request.params.moduleId, request.body, editorOf(request));
    return reply.code(201).header('etag', etagOf(lesson.version)).header('location', `/api/v1/lessons/${lesson.id}`).send(lesson);
  });

  app.get('/modules/:moduleId/lessons', {
    config: { permission: author },
    schema: { tags, summary: 'The lessons of a module draft, in order', params: ModuleParams, response: { 200: Type.Object({ items: Type.Array(Lesson) }) } },
  }, async (request) => ({ items: await listLessons(context.db, principalOf(request).tenantId, request.params.moduleId, readerOf(request)) }));

  app.patch('/lessons/:lessonId', {
    config: { permission: author },
    schema: {
      tags, summary: 'Change, reorder or move a lesson (moduleId: to another module of the course)', description: editNote,
      params: LessonParams, headers: IfMatch, body: UpdateLessonBody, response: { 200: Lesson },
    },
  }, async (request, reply) => {
    const lesson = await updateLesson(context.db, principalOf(request).tenantId, {
      id: request.params.lessonId, changes: request.body, expectedVersion: versionFromIfMatch(request), editor: editorOf(request),
    });
    return reply.header('etag', etagOf(lesson.version)).send(lesson);
  });

  app.delete('/lessons/:lessonId', {
    config: { permission: author },
    schema: { tags, summary: 'Remove a lesson with its blocks', description: editNote, params: LessonParams, headers: IfMatch, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await deleteLesson(context.db, principalOf(request).tenantId, { id: request.params.lessonId, expectedVersion: versionFromIfMatch(request), editor: editorOf(request) });
    return reply.code(204).send(null);
  });

  app.post('/lessons/:lessonId/blocks', {
    config: { idempotent: true, permission: author },
    schema: {
      tags, summary: 'Add a content block (rich text is sanitised; video/file take a mediaId, question an itemId)',
      params: LessonParams, body: CreateBlockBody, response: { 201: Block },
    },
  }, async (request, reply) => {
    const block = await createBlock(context.db, principalOf(request).tenantId, request.params.lessonId, request.body, editorOf(request));
    return reply.code(201).header('etag', etagOf(block.version)).header('location', `/api/v1/blocks/${block.id}`).send(block);
  });

  app.get('/lessons/:lessonId/blocks', {
    config: { permission: author },
    schema: { tags, summary: 'The blocks of a lesson draft, in order', params: LessonParams, response: { 200: Type.Object({ items: Type.Array(Block) }) } },
  }, async (request) => ({ items: await listBlocks(context.db, principalOf(request).tenantId, request.params.lessonId, readerOf(request)) }));

  app.get('/blocks/:blockId', {
    config: { permission: author },
    schema: { tags, summary: 'A content block of a draft', params: BlockParams, response: { 200: Block } },
  }, async (request, reply) => {
    const block = await getBlock(context.db, principalOf(request).tenantId, request.params.blockId, readerOf(request));
    return reply.header('etag', etagOf(block.version)).send(block);
  });

  app.patch('/blocks/:blockId', {
    config: { permission: author },
    schema: { tags, summary: 'Change or move a content block (its kind stays)', description: editNote, params: BlockParams, headers: IfMatch, body: UpdateBlockBody, response: { 200: Block } },
  }, async (request, reply) => {
    const block = await updateBlock(context.db, principalOf(request).tenantId, {
      id: request.params.blockId, changes: request.body, expectedVersion: versionFromIfMatch(request), editor: editorOf(request),
    });
    return reply.header('etag', etagOf(block.version)).send(block);
  });

  app.delete('/blocks/:blockId', {
    config: { permission: author },
    schema: { tags, summary: 'Remove a content block', description: editNote, params: BlockParams, headers: IfMatch, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await deleteBlock(context.db, principalOf(request).tenantId, { id: request.params.blockId, expectedVersion: versionFromIfMatch(request), editor: editorOf(request) });
    return reply.code(204).send(null);
  });
}
