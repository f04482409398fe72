import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A uuid in a path (other tenants' ids are "not found", malformed ones 400). */
export const IdParam = Uuid;
/** Course difficulty levels (a search facet). */
export const CourseLevel = Type.Union([Type.Literal('beginner'), Type.Literal('intermediate'), Type.Literal('advanced')]);
/** Where a course is listed: the public catalog of all tenants, the own tenant's catalog, or nowhere (link only). */
export const Visibility = Type.Union([Type.Literal('public'), Type.Literal('tenant'), Type.Literal('unlisted')]);
/** The review workflow: draft → in_review → published; archived hides it from catalogs. */
export const CourseStatus = Type.Union([Type.Literal('draft'), Type.Literal('in_review'), Type.Literal('published'), Type.Literal('archived')]);
/** Kinds of content block. */
export const BlockKind = Type.Union([Type.Literal('rich_text'), Type.Literal('video'), Type.Literal('file'), Type.Literal('question')]);
export type BlockKind = Static<typeof BlockKind>;

const courseFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  summary: Type.String({ maxLength: 4000 }),
  category: Nullable(Type.String({ minLength: 1, maxLength: 100 })),
  language: Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47 language tag, e.g. "en" or "pt-BR"' }),
  level: CourseLevel,
  tags: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20, uniqueItems: true }),
  priceRef: Nullable(Type.String({ minLength: 1, maxLength: 200, description: 'Billing owns prices; this only names one' })),
  visibility: Visibility,
};

/** Body of `POST /courses`. */
export const CreateCourseBody = Type.Object({
  title: courseFields.title,
  summary: Type.Optional(courseFields.summary),
  category: Type.Optional(courseFields.category),
  language: Type.Optional(courseFields.language),
  level: Type.Optional(courseFields.level),
  tags: Type.Optional(courseFields.tags),
  priceRef: Type.Optional(courseFields.priceRef),
  visibility: Type.Optional(courseFields.visibility),
});
export type CreateCourseBody = Static<typeof CreateCourseBody>;

/** Body of `PATCH /courses/{courseId}` (requires If-Match). */
export const UpdateCourseBody = Type.Partial(CreateCourseBody, { minProperties: 1 });
export type UpdateCourseBody = Static<typeof UpdateCourseBody>;

/** A course draft as its authors see it. `version` is its ETag; any change in its tree moves it on. */
export const Course = Type.Object({
  id: Uuid,
  ...courseFields,
  status: CourseStatus,
  version: Type.Integer(),
  publishedVersion: Nullable(Type.Integer()),
  instructors: Type.Array(Uuid),
  submittedBy: Nullable(Uuid),
  submittedAt: Nullable(Timestamp),
  reviewedBy: Nullable(Uuid),
  reviewedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Course = Static<typeof Course>;

/** A content block inside a course tree (draft or frozen). `html` is sanitised; `markdown` its source, if any. */
export const TreeBlock = Type.Object({
  id: Uuid,
  kind: BlockKind,
  title: Nullable(Type.String()),
  markdown: Nullable(Type.String()),
  html: Nullable(Type.String()),
  mediaId: Nullable(Uuid),
  itemId: Nullable(Uuid),
  itemVersion: Type.Optional(Type.Integer({
    minimum: 1, description: 'Question blocks of a published version: the item version frozen with it (absent in drafts)',
  })),
  position: Type.Integer(),
});
export type TreeBlock = Static<typeof TreeBlock>;

export const TreeLesson = Type.Object({
  id: Uuid, title: Type.String(), summary: Type.String(), position: Type.Integer(), skills: Type.Array(Uuid), blocks: Type.Array(TreeBlock),
});
export type TreeLesson = Static<typeof TreeLesson>;

export const TreeModule = Type.Object({
  id: Uuid, title: Type.String(), summary: Type.String(), position: Type.Integer(), lessons: Type.Array(TreeLesson),
});
export type TreeModule = Static<typeof TreeModule>;

/** The frozen content of a published version: what students see, never changed once written. */
export const PublishedCourse = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  ...courseFields,
  skills: Type.Array(Uuid),
  instructors: Type.Array(Uuid),
  modules: Type.Array(TreeModule),
  publishedAt: Timestamp,
  publishedBy: Type.Union([Uuid, Type.Null()]),
});
export type PublishedCourse = Static<typeof PublishedCourse>;

/** A draft with its whole tree (`GET /courses/{id}?view=draft`). */
export const DraftCourse = Type.Object({ ...Course.properties, modules: Type.Array(TreeModule) });
export type DraftCourse = Static<typeof DraftCourse>;

/** What `GET /courses/{id}` answers: the published version, or the draft for its authors. */
export const CourseView = Type.Union([PublishedCourse, DraftCourse]);

/** A published course in a listing. */
export const CourseSummary = Type.Object({
  id: Uuid, version: Type.Integer(), title: Type.String(), summary: Type.String(), category: Nullable(Type.String()),
  language: Type.String(), level: Type.String(), tags: Type.Array(Type.String()), priceRef: Nullable(Type.String()),
  visibility: Visibility, publishedAt: Timestamp,
});
export type CourseSummary = Static<typeof CourseSummary>;

/** A course in the public catalog: any tenant's, so it names the tenant. */
export const PublicCourseSummary = Type.Object({ tenantId: Uuid, ...CourseSummary.properties });
export type PublicCourseSummary = Static<typeof PublicCourseSummary>;

/**
 * A public course as anyone may read it (`GET /public/courses/{id}`): any tenant's, so it names the tenant (where
 * to enroll); the staff who wrote and published it stay inside the tenant.
 */
export const PublicCourse = Type.Object({ tenantId: Uuid, ...Type.Omit(PublishedCourse, ['instructors', 'publishedBy']).properties });
export type PublicCourse = Static<typeof PublicCourse>;

/** Query of `GET /courses`. */
export const CourseListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
  view: Type.Optional(Type.Union([Type.Literal('published'), Type.Literal('draft')], { description: 'draft: the courses one co-authors (all for admins)' })),
  status: Type.Optional(CourseStatus),
  category: Type.Optional(Type.String({ maxLength: 100 })),
  level: Type.Optional(CourseLevel),
  language: Type.Optional(Type.String({ maxLength: 20 })),
  tag: Type.Optional(Type.String({ maxLength: 50 })),
});
export type CourseListQuery = Static<typeof CourseListQuery>;

/** A draft course in an authors' listing. */
export const DraftCourseSummary = Type.Object({
  id: Uuid, title: Type.String(), status: CourseStatus, version: Type.Integer(), publishedVersion: Nullable(Type.Integer()), updatedAt: Timestamp,
});

/** A published version in `GET /courses/{id}/versions`. */
export const CourseVersionSummary = Type.Object({ version: Type.Integer(), title: Type.String(), publishedAt: Timestamp, publishedBy: Type.Union([Uuid, Type.Null()]) });

/** The module/lesson outline of a course (no block content). */
export const CourseStructure = Type.Object({
  courseId: Uuid,
  version: Type.Integer({ description: 'The published version, or the draft version with ?view=draft' }),
  modules: Type.Array(Type.Object({
    id: Uuid, title: Type.String(), position: Type.Integer(),
    lessons: Type.Array(Type.Object({ id: Uuid, title: Type.String(), position: Type.Integer(), skills: Type.Array(Uuid) })),
  })),
});
export type CourseStructure = Static<typeof CourseStructure>;

/** Query choosing the published version (default) or the draft (authors only). */
export const ViewQuery = Type.Object({ view: Type.Optional(Type.Union([Type.Literal('published'), Type.Literal('draft')])) });

/** One entry of a course's review history. */
export const ReviewEntry = Type.Object({
  action: Type.Union([Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('published'), Type.Literal('archived')]),
  actorId: Nullable(Uuid),
  comment: Nullable(Type.String()),
  version: Nullable(Type.Integer()),
  at: Timestamp,
});
export type ReviewEntry = Static<typeof ReviewEntry>;

/** Body of the review transitions; a rejection must say why. */
export const ReviewBody = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 4000 })) });
export const RejectBody = Type.Object({ comment: Type.String({ minLength: 1, maxLength: 4000 }) });

/** Body of `POST /courses/{courseId}/instructors`. */
export const AddInstructorBody = Type.Object({ userId: Uuid });
