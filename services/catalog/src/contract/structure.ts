import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { BlockKind } from './schemas.js';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Title = Type.String({ minLength: 1, maxLength: 200 });
const Summary = Type.String({ maxLength: 4000 });
const Position = Type.Integer({ minimum: 1, maximum: 10_000, description: '1-based place among its siblings; others shift' });
const Skills = Type.Array(Uuid, { maxItems: 50, uniqueItems: true });

/** Body of `POST /courses/{courseId}/modules`. */
export const CreateModuleBody = Type.Object({ title: Title, summary: Type.Optional(Summary), position: Type.Optional(Position) });
export type CreateModuleBody = Static<typeof CreateModuleBody>;
/** Body of `PATCH /modules/{moduleId}` (requires If-Match); `position` reorders. */
export const UpdateModuleBody = Type.Partial(CreateModuleBody, { minProperties: 1 });
export type UpdateModuleBody = Static<typeof UpdateModuleBody>;

/** A module of a draft course. */
export const Module = Type.Object({
  id: Uuid, courseId: Uuid, title: Type.String(), summary: Type.String(), position: Type.Integer(), version: Type.Integer(),
});
export type Module = Static<typeof Module>;

/** Body of `POST /modules/{moduleId}/lessons`. */
export const CreateLessonBody = Type.Object({ title: Title, summary: Type.Optional(Summary), skills: Type.Optional(Skills), position: Type.Optional(Position) });
export type CreateLessonBody = Static<typeof CreateLessonBody>;
/** Body of `PATCH /lessons/{lessonId}` (requires If-Match); `moduleId` moves it to another module of the course. */
export const UpdateLessonBody = Type.Partial(Type.Object({ ...CreateLessonBody.properties, moduleId: Uuid }), { minProperties: 1 });
export type UpdateLessonBody = Static<typeof UpdateLessonBody>;

/** A lesson of a draft course. */
export const Lesson = Type.Object({
  id: Uuid, courseId: Uuid, moduleId: Uuid, title: Type.String(), summary: Type.String(), position: Type.Integer(),
  skills: Type.Array(Uuid), version: Type.Integer(),
});
export type Lesson = Static<typeof Lesson>;

const blockContent = {
  title: Nullable(Type.String({ maxLength: 200 })),
  markdown: Type.String({ maxLength: 200_000, description: 'rich_text: Markdown source (raw HTML in it is not rendered)' }),
  html: Type.String({ maxLength: 200_000, description: 'rich_text: HTML, sanitised against an allow-list' }),
  mediaId: Uuid,
  itemId: Uuid,
};

/** Body of `POST /lessons/{lessonId}/blocks`: rich_text needs markdown or html, video/file a mediaId, question an itemId. */
export const CreateBlockBody = Type.Object({
  kind: BlockKind,
  title: Type.Optional(blockContent.title),
  markdown: Type.Optional(blockContent.markdown),
  html: Type.Optional(blockContent.html),
  mediaId: Type.Optional(blockContent.mediaId),
  itemId: Type.Optional(blockContent.itemId),
  position: Type.Optional(Position),
});
export type CreateBlockBody = Static<typeof CreateBlockBody>;

/** Body of `PATCH /blocks/{blockId}` (requires If-Match); the kind stays. */
export const UpdateBlockBody = Type.Partial(Type.Object({
  title: blockContent.title, markdown: blockContent.markdown, html: blockContent.html, mediaId: blockContent.mediaId,
  itemId: blockContent.itemId, position: Position,
}), { minProperties: 1 });
export type UpdateBlockBody = Static<typeof UpdateBlockBody>;

/** A content block of a draft lesson. */
export const Block = Type.Object({
  id: Uuid, lessonId: Uuid, courseId: Uuid, kind: BlockKind, title: Nullable(Type.String()), markdown: Nullable(Type.String()),
  html: Nullable(Type.String()), mediaId: Nullable(Uuid), itemId: Nullable(Uuid), position: Type.Integer(), version: Type.Integer(),
});
export type Block = Static<typeof Block>;
