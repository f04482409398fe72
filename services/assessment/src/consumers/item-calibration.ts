import { Type } from '@sinclair/typebox';
import { checkedPayload, consumerSpec, type ConsumerRegistration, type ServiceContext } from '@tessera/platform';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { recordCalibrations } from '../db/item.repository.js';

/** The durable consumer name; processes running it share its work. */
export const ITEM_CALIBRATION_CONSUMER = 'assessment-item-calibration';

/**
 * adaptive's `adaptive.items.calibrated`. Named here rather than imported from adaptive's contract: adaptive
 * already depends on assessment (it grades practice with assessment's grading), and a service pair must not
 * depend on each other; the payload is checked on arrival all the same.
 */
const ITEMS_CALIBRATED = 'adaptive.items.calibrated';
const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const ItemsCalibratedSeen = Type.Object({
  items: Type.Array(Type.Object({ itemId: Uuid, a: Type.Number(), b: Type.Number() }), { maxItems: 1_000 }),
});

/**
 * Keeps the 2PL parameters adaptive calibrated from students' answers beside the author's, so adaptive exams
 * choose and score with what the items turned out to be. The latest calibration wins; repeating one is harmless.
 */
export function itemCalibrationConsumer(context: Pick<ServiceContext, 'db'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: ITEM_CALIBRATION_CONSUMER, events: ITEMS_CALIBRATED }),
    async handler(event) {
      if (!event.tenantid) return;
      const { items } = checkedPayload(ItemsCalibratedSeen, event.data, event.id);
      const tenantId = event.tenantid;
      await context.db.withTenant<AssessmentDatabase, void>(tenantId, (tx) => recordCalibrations(tx, tenantId, items));
    },
  };
}
