import type { PermissionGrants } from '@tessera/platform';

/** Permissions of the identity service; routes name them, roles hold them (see `identityGrants`). */
export const IdentityPermissions = {
  /** Create, suspend, export and delete tenants (platform administrators). */
  manageTenants: 'identity.tenants.manage',
  /** Change the own tenant's settings, branding, MFA policy and SSO connection. */
  configureTenant: 'identity.tenant.configure',
  /** List and read the tenant's users. */
  readUsers: 'identity.users.read',
  /** Invite, create, change roles of and deactivate users. */
  manageUsers: 'identity.users.manage',
  /** Create and revoke API keys. */
  manageApiKeys: 'identity.api_keys.manage',
  /** Read the messages the platform mailer wrote (embedded mode keeps them as .eml files). */
  readMail: 'identity.mail.read',
} as const;

/** Who holds the identity permissions. */
export const identityGrants: PermissionGrants = {
  [IdentityPermissions.manageTenants]: ['platform_admin'],
  [IdentityPermissions.configureTenant]: ['tenant_admin'],
  [IdentityPermissions.readUsers]: ['tenant_admin'],
  [IdentityPermissions.manageUsers]: ['tenant_admin'],
  [IdentityPermissions.manageApiKeys]: ['tenant_admin'],
  [IdentityPermissions.readMail]: ['tenant_admin', 'platform_admin'],
};
