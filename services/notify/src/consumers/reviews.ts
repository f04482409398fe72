import { Type } from '@sinclair/typebox';
import { AdaptiveEvents } from '@tessera/adaptive/contract';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { notifyUser } from '../app/notify-user.js';

/** The durable consumer name; processes running it share its work. */
export const REVIEWS_CONSUMER = 'notify-reviews';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F-]{36}$' });
const ReviewDueSeen = Type.Object({ userId: Uuid, skillId: Uuid, skillName: Type.String(), dueAt: Type.String() });

/** Reminds students of a spaced review falling due (adaptive emits it once per due time). */
export function reviewsConsumer(deps: NotifyDeps): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: REVIEWS_CONSUMER, events: AdaptiveEvents.reviewDue }),
    async handler(event) {
      const tenantId = event.tenantid;
      if (!tenantId || eventNameOf(event) !== AdaptiveEvents.reviewDue) return;
      const due = checkedPayload(ReviewDueSeen, event.data, event.id);
      await notifyUser(deps, tenantId, {
        userId: due.userId, category: 'reminders', kind: 'review.due', title: `Review due: ${due.skillName}`,
        body: 'A short review now keeps what you learnt from fading.', link: '/practice', sourceKey: `review:${due.skillId}:${due.dueAt}`,
      });
    },
  };
}
