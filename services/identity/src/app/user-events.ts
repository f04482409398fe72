import type { NewEvent } from '@tessera/platform';
import type { IdentityEvents, UserEventData } from '../contract/events.js';
import type { UserRow } from '../db/identity.table.js';

type UserEventName = (typeof IdentityEvents)['userInvited' | 'userRegistered' | 'userDeactivated' | 'userReactivated'];

/** `identity.user.*` for a user row. */
export function userEvent(name: UserEventName, user: UserRow): NewEvent {
  const data: UserEventData = { userId: user.id, email: user.email, name: user.name, roles: user.roles, locale: user.locale, timeZone: user.time_zone };
  return { name, subject: user.id, data };
}
