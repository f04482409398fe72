/** Events the identity service publishes (`tessera.<name>` on the bus). */
export const IdentityEvents = {
  tenantCreated: 'identity.tenant.created',
  tenantSuspended: 'identity.tenant.suspended',
  tenantReactivated: 'identity.tenant.reactivated',
  tenantDeleted: 'identity.tenant.deleted',
  /** A tenant admin invited someone; they have no password yet but can be enrolled, graded, messaged. */
  userInvited: 'identity.user.invited',
  userRegistered: 'identity.user.registered',
  userDeactivated: 'identity.user.deactivated',
  /** A deactivated user was let back in (active again, or invited again when they never set a password). */
  userReactivated: 'identity.user.reactivated',
  roleGranted: 'identity.role.granted',
} as const;

/** Payload of `identity.tenant.*`. */
export interface TenantEventData {
  tenantId: string;
  slug: string;
  tier: 'standard' | 'enterprise';
}

/** Payload of `identity.user.invited`, `.registered`, `.deactivated` and `.reactivated`. */
export interface UserEventData {
  userId: string;
  email: string;
  name: string;
  roles: string[];
  locale: string;
  timeZone: string;
}

/** Payload of `identity.role.granted`: the user's roles after the change. */
export interface RoleGrantedData {
  userId: string;
  roles: string[];
  granted: string[];
}
