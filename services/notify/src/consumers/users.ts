import { Type } from '@sinclair/typebox';
import { IdentityEvents } from '@tessera/identity/contract';
import { checkedPayload, consumerSpec, eventNameOf, type ConsumerRegistration } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import type { NotifyDatabase } from '../db/notify.table.js';
import { setRecipientRoles } from '../db/audience.repository.js';
import { saveRecipient, setRecipientActive } from '../db/recipient.repository.js';

/** The durable consumer name; processes running it share its work. */
export const USERS_CONSUMER = 'notify-users';

const UserSeen = Type.Object({
  userId: Type.String({ pattern: '^[0-9a-fA-F-]{36}$' }),
  email: Type.String(),
  name: Type.String(),
  locale: Type.String(),
  timeZone: Type.String(),
  roles: Type.Optional(Type.Array(Type.String())),
});
const RolesSeen = Type.Object({ userId: Type.String({ pattern: '^[0-9a-fA-F-]{36}$' }), roles: Type.Array(Type.String()) });

/** The durable consumer of role changes (a separate subject: NATS 2.9 gives one filter per consumer). */
export const ROLES_CONSUMER = 'notify-roles';

/** Keeps notify's copy of who can be written to: invited and registered users, not deactivated ones. */
export function usersConsumer(deps: Pick<NotifyDeps, 'db'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: USERS_CONSUMER, events: 'identity.user.*' }),
    async handler(event) {
      const tenantId = event.tenantid;
      const name = eventNameOf(event);
      if (!tenantId) return;
      const user = checkedPayload(UserSeen, event.data, event.id);
      await deps.db.withTenant<NotifyDatabase, void>(tenantId, async (tx) => {
        if (name === IdentityEvents.userDeactivated) await setRecipientActive(tx, tenantId, user.userId, false);
        else if (name === IdentityEvents.userInvited || name === IdentityEvents.userRegistered || name === IdentityEvents.userReactivated) {
          await saveRecipient(tx, tenantId, { userId: user.userId, email: user.email, name: user.name, locale: user.locale, timeZone: user.timeZone, active: true });
          if (user.roles) await setRecipientRoles(tx, tenantId, user.userId, user.roles);
        }
      });
    },
  };
}

/** Keeps each recipient's roles, for announcements to everyone holding one. */
export function rolesConsumer(deps: Pick<NotifyDeps, 'db'>): ConsumerRegistration {
  return {
    spec: consumerSpec({ durable: ROLES_CONSUMER, events: 'identity.role.*' }),
    async handler(event) {
      const tenantId = event.tenantid;
      if (!tenantId || eventNameOf(event) !== IdentityEvents.roleGranted) return;
      const { userId, roles } = checkedPayload(RolesSeen, event.data, event.id);
      await deps.db.withTenant<NotifyDatabase, void>(tenantId, (tx) => setRecipientRoles(tx, tenantId, userId, roles));
    },
  };
}
