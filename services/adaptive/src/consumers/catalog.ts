import { Type } from '@sinclair/typebox';
import { CatalogEvents } from '@tessera/catalog/contract';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration } from '@tessera/platform';
import type { AdaptiveDeps } from '../app/deps.js';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { recordCourse, recordItem, replaceSkillGraph } from '../db/read-models.repository.js';

/** The durable consumer name; processes running it share its work. */
export const CATALOG_CONSUMER = 'adaptive-catalog';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const ItemSeen = Type.Object({
  itemId: Uuid,
  version: Type.Integer({ minimum: 1 }),
  type: Type.String(),
  skills: Type.Array(Uuid),
  difficulty: Nullable(Type.Number()),
  parameters: Type.Optional(Type.Object({ a: Type.Optional(Type.Number()), b: Type.Optional(Type.Number()) })),
  courseId: Nullable(Uuid),
  publishedAt: Type.String(),
  content: Type.Object({ type: Type.String() }, { additionalProperties: true }),
});
const SkillGraphSeen = Type.Object({
  graphVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  skills: Type.Array(Type.Object({ skillId: Uuid, name: Type.String() })),
  prerequisites: Type.Array(Type.Object({ skillId: Uuid, requiresSkillId: Uuid })),
});
const CourseSeen = Type.Object({
  courseId: Uuid,
  version: Type.Integer({ minimum: 1 }),
  title: Type.String(),
  skills: Type.Array(Uuid),
  modules: Type.Array(Type.Object({
    position: Type.Number(),
    lessons: Type.Array(Type.Object({ lessonId: Uuid, title: Type.String(), position: Type.Number(), skills: Type.Array(Uuid) })),
  })),
});

/**
 * Keeps adaptive's read models of the catalog: the newest version of each item (content included, to grade
 * practice), the skill graph (catalog sends it whole), and published courses with their lessons in order.
 * Versions only rise and a graph replaces the one held only when it is newer, so repeats and reordering change nothing.
 */
export function catalogConsumer(deps: Pick<AdaptiveDeps, 'db' | 'models'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: CATALOG_CONSUMER, events: 'catalog.>' }),
    async handler(event) {
      const tenantId = event.tenantid;
      if (!tenantId) return;
      const name = eventNameOf(event);
      if (name === CatalogEvents.itemPublished) {
        const item = checkedPayload(ItemSeen, event.data, event.id);
        await deps.db.withTenant<AdaptiveDatabase, void>(tenantId, (tx) => recordItem(tx, tenantId, {
          itemId: item.itemId, version: item.version, type: item.type, skills: item.skills, courseId: item.courseId, content: item.content,
          difficulty: item.difficulty, authorA: item.parameters?.a ?? null, authorB: item.parameters?.b ?? null, publishedAt: item.publishedAt,
        }));
      } else if (name === CatalogEvents.skillGraphChanged) {
        const graph = checkedPayload(SkillGraphSeen, event.data, event.id);
        await deps.db.withTenant<AdaptiveDatabase, boolean>(tenantId, (tx) => replaceSkillGraph(tx, tenantId, graph));
      } else if (name === CatalogEvents.coursePublished) {
        const course = checkedPayload(CourseSeen, event.data, event.id);
        const lessons = [...course.modules].sort((x, y) => x.position - y.position)
          .flatMap((module) => [...module.lessons].sort((x, y) => x.position - y.position))
          .map((lesson) => ({ lessonId: lesson.lessonId, title: lesson.title, skills: lesson.skills }));
        await deps.db.withTenant<AdaptiveDatabase, void>(tenantId, (tx) => recordCourse(tx, tenantId, {
          courseId: course.courseId, version: course.version, title: course.title, skills: course.skills, lessons,
        }));
      } else {
        return;
      }
      deps.models.invalidate(tenantId);
    },
  };
}
