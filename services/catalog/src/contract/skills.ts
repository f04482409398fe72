import { Type, type Static } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });

/** Body of `POST /skills`. */
export const CreateSkillBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
});
export type CreateSkillBody = Static<typeof CreateSkillBody>;

/** Body of `PATCH /skills/{skillId}` (requires If-Match). */
export const UpdateSkillBody = Type.Partial(CreateSkillBody, { minProperties: 1 });
export type UpdateSkillBody = Static<typeof UpdateSkillBody>;

/** Body of `PUT /skills/{skillId}/prerequisites` (requires If-Match): the complete set of skills it requires. */
export const SetPrerequisitesBody = Type.Object({ requires: Type.Array(Uuid, { maxItems: 100, uniqueItems: true }) });
export type SetPrerequisitesBody = Static<typeof SetPrerequisitesBody>;

/** A skill (knowledge component) of the tenant with the skills it directly requires. */
export const Skill = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  prerequisites: Type.Array(Uuid),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Skill = Static<typeof Skill>;

/** A skill named in a prerequisite answer; `depth` 1 is a direct requirement. */
export const RequiredSkill = Type.Object({
  skillId: Uuid,
  name: Type.String(),
  depth: Type.Integer({ minimum: 1 }),
  taughtIn: Type.Union([Uuid, Type.Null()], { description: 'An earlier lesson of the course that teaches it, if any' }),
});
export type RequiredSkill = Static<typeof RequiredSkill>;

/** Answer of `GET /content/{kind}/{id}/prerequisites` and `GET /skills/{skillId}/prerequisites`. */
export const Prerequisites = Type.Object({
  kind: Type.Union([Type.Literal('course'), Type.Literal('lesson'), Type.Literal('skill')]),
  id: Uuid,
  /** Skills the content teaches itself (not required of the learner). */
  teaches: Type.Array(Uuid),
  /** Every skill required, transitively, that the content does not teach itself. */
  requires: Type.Array(RequiredSkill),
});
export type Prerequisites = Static<typeof Prerequisites>;
