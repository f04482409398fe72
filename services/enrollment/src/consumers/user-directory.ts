import { checkedPayload, consumerSpec, eventNameOf, idempotent, type ConsumerRegistration, type ServiceContext } from '@tessera/platform';
import { fulfilPlans } from '../app/planned-enrollments.js';
import { releaseHeldPlaces } from '../app/release-places.js';
import { ConsumedEvents, UserSeen } from '../contract/events.js';
import type { EnrollmentDatabase, UserStatus } from '../db/enrollment.table.js';
import { applyUserEvent } from '../db/user.repository.js';

/** The durable consumer name; processes running it share its work. */
export const USER_DIRECTORY_CONSUMER = 'enrollment-user-directory';

const statusAfter: Record<string, UserStatus> = {
  [ConsumedEvents.userInvited]: 'active',
  [ConsumedEvents.userRegistered]: 'active',
  [ConsumedEvents.userReactivated]: 'active',
  [ConsumedEvents.userDeactivated]: 'deactivated',
};

/**
 * Keeps enrollment's read model of the tenant's users from identity's events, exactly once per event (inbox)
 * and insensitive to order (the newest event wins). A deactivation gives up the user's waitlist places and
 * unpaid seats so other students get them; their active and completed enrollments stay as records. A newly
 * known user may let planned enrollments go ahead (after the event's transaction, in their own).
 *
 * A new durable consumer starts at the beginning of identity's stream, but streams keep events for 7 days
 * (JetStream max age, the local bus's retention): users older than that are unknown here until identity
 * announces them again — a backfill, not a replay. Invited users count as known: they can be enrolled ahead.
 */
export function userDirectoryConsumer(context: Pick<ServiceContext, 'db' | 'outbox' | 'logger'>): ConsumerRegistration {
  const record = idempotent<EnrollmentDatabase>(context.db, USER_DIRECTORY_CONSUMER, async (tx, event) => {
    const status = statusAfter[eventNameOf(event)];
    if (!event.tenantid || !status) return;
    const user = checkedPayload(UserSeen, event.data, event.id);
    const applied = await applyUserEvent(tx, event.tenantid, user, status, new Date(event.time));
    if (applied && status === 'deactivated') await releaseHeldPlaces(context, tx, event.tenantid, user.userId, new Date());
  });
  return {
    spec: consumerSpec({ durable: USER_DIRECTORY_CONSUMER, events: 'identity.user.>' }),
    async handler(event, delivery) {
      await record(event, delivery);
      if (event.tenantid && statusAfter[eventNameOf(event)] === 'active') await fulfilPlans(context, event.tenantid);
    },
  };
}
