import { Type, type Static } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

/** Whom an announcement reaches: a course's enrolled students, or (tenant admins only) everyone holding a role. */
export const Audience = Type.Union([
  Type.Object({ courseId: Uuid }, { additionalProperties: false }),
  Type.Object({ role: Type.Union([Type.Literal('student'), Type.Literal('instructor'), Type.Literal('tutor'), Type.Literal('tenant_admin')]) }, { additionalProperties: false }),
]);
export type Audience = Static<typeof Audience>;

export const AnnouncementInput = Type.Object({
  audience: Audience,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 5_000 }),
  category: Type.Optional(Type.Union([Type.Literal('course_updates'), Type.Literal('marketing')], { default: 'course_updates', description: 'recipients\' preferences for this category decide the channels' })),
  sendAt: Type.Optional(Type.String({ format: 'date-time', description: 'when to send (default: now); at most a year ahead' })),
}, { additionalProperties: false });
export type AnnouncementInput = Static<typeof AnnouncementInput>;

export const AnnouncementStatus = Type.Union([Type.Literal('scheduled'), Type.Literal('sending'), Type.Literal('sent'), Type.Literal('cancelled')]);

export const Announcement = Type.Object({
  id: Uuid,
  authorId: Uuid,
  audience: Audience,
  category: Type.String(),
  title: Type.String(),
  body: Type.String(),
  sendAt: DateTime,
  status: AnnouncementStatus,
  recipients: Nullable(Type.Integer({ minimum: 0, description: 'how many it reached, once sent' })),
  createdAt: DateTime,
  sentAt: Nullable(DateTime),
});
export type Announcement = Static<typeof Announcement>;

/** What an announcement would be: how many it reaches now, and its email as a recipient would see it. */
export const AnnouncementPreview = Type.Object({
  recipients: Type.Integer({ minimum: 0 }),
  email: Type.Object({ subject: Type.String(), text: Type.String(), html: Type.String() }),
});

export const AnnouncementQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
});
