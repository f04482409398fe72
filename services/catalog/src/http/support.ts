import { Type } from '@sinclair/typebox';
import { actingUserId, hasPermission, principalOf } from '@tessera/platform';
import type { FastifyRequest } from 'fastify';
import type { ContentReader } from '../app/content-access.js';
import type { Editor } from '../app/editor.js';
import { CatalogPermissions } from '../contract/index.js';

const Uuid = Type.String({ format: 'uuid' });

/** Path parameters of the catalog routes; ids are uuids, so other tenants' ids are merely "not found". */
export const CourseParams = Type.Object({ courseId: Uuid });
export const ModuleParams = Type.Object({ moduleId: Uuid });
export const LessonParams = Type.Object({ lessonId: Uuid });
export const BlockParams = Type.Object({ blockId: Uuid });
export const SkillParams = Type.Object({ skillId: Uuid });

/** Writes to versioned aggregates send the ETag they read. */
export const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'The ETag last read, e.g. "3"' })) });

export const tags = ['catalog'];

/** The caller as an editor of courses: who they are and whether they may edit any course of the tenant. */
export function editorOf(request: FastifyRequest): Editor {
  return { userId: actingUserId(principalOf(request)), manageAll: hasPermission(request, CatalogPermissions.manageAll) };
}

/** The caller as a reader of drafts: co-authors read their courses', managers of all courses and reviewers every course's. */
export function readerOf(request: FastifyRequest): Editor {
  const privileged = hasPermission(request, CatalogPermissions.manageAll) || hasPermission(request, CatalogPermissions.review);
  return { userId: actingUserId(principalOf(request)), manageAll: privileged };
}

/** True when the caller may read drafts: authors (their own courses, checked by the use case) and reviewers. */
export function mayReadDrafts(request: FastifyRequest): boolean {
  return hasPermission(request, CatalogPermissions.author) || hasPermission(request, CatalogPermissions.review);
}

/** Staff open every course's content: authors and reviewers, and tutors (who read the question bank to help students). */
export function contentReaderOf(request: FastifyRequest): ContentReader {
  return { userId: actingUserId(principalOf(request)), staff: mayReadDrafts(request) || hasPermission(request, CatalogPermissions.itemsRead) };
}
