import type { NewEvent } from '@tessera/platform';
import type { IdentityEvents, UserEventData } from '../contract/events.js';
import type { UserRow } from '../db/identity.table.js';

/** `identity.user.registered` (or `.deactivated`) for a user row. */
export function userEvent(name: typeof IdentityEvents.userRegistered | typeof IdentityEvents.userDeactivated, user: UserRow): NewEvent {
  const data: UserEventData = { userId: user.id, email: user.email, name: user.name, roles: user.roles, locale: user.locale, timeZone: user.time_zone };
  return { name, subject: user.id, data };
}
