/** The roles a user can hold. `platform_admin` is global; the others are held within one tenant. */
export const USER_ROLES = ['student', 'instructor', 'tutor', 'tenant_admin', 'platform_admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Route permissions that are not grants: a route open to anyone, or to any authenticated caller. */
export const PUBLIC = 'public';
export const AUTHENTICATED = 'authenticated';

/** Which roles hold each permission, as a service declares it: `{ 'identity.users.manage': ['tenant_admin'] }`. */
export type PermissionGrants = Record<string, readonly UserRole[]>;

/**
 * The permission model: services declare which roles hold each of their permissions; every API route names
 * the one permission it needs, and the auth hook checks the caller's roles (or an API key's scopes) against it.
 * Roles live in the token; permissions are derived here, so changing a grant needs no new tokens.
 */
export class Permissions {
  private readonly byRole = new Map<string, Set<string>>();
  private readonly known = new Set<string>([PUBLIC, AUTHENTICATED]);
  private readonly memo = new Map<string, ReadonlySet<string>>();

  constructor(grants: PermissionGrants[] = []) {
    for (const grant of grants) this.grant(grant);
  }

  grant(grants: PermissionGrants): void {
    for (const [permission, roles] of Object.entries(grants)) {
      this.known.add(permission);
      for (const role of roles) {
        const set = this.byRole.get(role) ?? new Set<string>();
        set.add(permission);
        this.byRole.set(role, set);
      }
    }
    this.memo.clear();
  }

  /** True when `permission` was declared by some service (or is `public`/`authenticated`). */
  isKnown(permission: string): boolean {
    return this.known.has(permission);
  }

  /** Every declared permission (for API key scopes and docs). */
  all(): string[] {
    return [...this.known].filter((p) => p !== PUBLIC && p !== AUTHENTICATED).sort();
  }

  /** The permissions a set of roles holds. */
  ofRoles(roles: readonly string[]): ReadonlySet<string> {
    const key = [...roles].sort().join(',');
    let result = this.memo.get(key);
    if (!result) {
      result = new Set(roles.flatMap((role) => [...(this.byRole.get(role) ?? [])]));
      this.memo.set(key, result);
    }
    return result;
  }
}
