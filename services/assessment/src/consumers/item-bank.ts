import { Type } from '@sinclair/typebox';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration, type ServiceContext } from '@tessera/platform';
import { CatalogEvents } from '@tessera/catalog/contract';
import { recordItemVersion } from '../db/item.repository.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';

/** The durable consumer name; processes running it share its work. */
export const ITEM_BANK_CONSUMER = 'assessment-item-bank';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const ItemPublishedSeen = Type.Object({
  itemId: Uuid,
  version: Type.Integer({ minimum: 1 }),
  type: Type.String(),
  skills: Type.Array(Uuid),
  difficulty: Type.Union([Type.Number(), Type.Null()]),
  parameters: Type.Optional(Type.Object({ a: Type.Optional(Type.Number()), b: Type.Optional(Type.Number()) })),
  courseId: Type.Union([Uuid, Type.Null()]),
  publishedAt: Type.String(),
  content: Type.Object({ type: Type.String() }, { additionalProperties: true }),
});

/**
 * Keeps assessment's copy of every published item version (answers included: grading reads them here, never
 * from the catalog). Versions are immutable and the latest only rises, so order and repetition do not matter
 * and no inbox is needed.
 */
export function itemBankConsumer(context: Pick<ServiceContext, 'db'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: ITEM_BANK_CONSUMER, events: 'catalog.item.*' }),
    async handler(event) {
      if (!event.tenantid || eventNameOf(event) !== CatalogEvents.itemPublished) return;
      const item = checkedPayload(ItemPublishedSeen, event.data, event.id);
      const tenantId = event.tenantid;
      await context.db.withTenant<AssessmentDatabase, void>(tenantId, (tx) => recordItemVersion(tx, tenantId, item));
    },
  };
}
