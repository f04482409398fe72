import type { World } from './seed.js';

/**
 * Who may legitimately reach an object inside its own tenant:
 * - `owner`: only its owner and admins (A's other student must get 403/404);
 * - `tenant`: every member of the tenant (A's other student may);
 * - `public`: anyone, by design (a tenant's public sign-in page).
 * Outsiders (tenant B, no or forged credentials) must never reach any of them.
 */
export type Reach = 'owner' | 'tenant' | 'public';

/** How to name one of tenant A's objects (or one of the platform's) in a path. */
export interface PathFixture {
  /** The path template up to and including the parameter: it also covers the sub-routes below it. */
  route: string;
  value(world: World): string;
  /** Who may reach the object, for reads (GET) and for writes (every other method). */
  reach: { read: Reach; write: Reach };
}

const ownerOnly = { read: 'owner', write: 'owner' } as const;

/**
 * The object each path parameter names. A route added later under one of these prefixes is covered as is;
 * a new kind of object needs one line here (or gets a random id, which must answer 401/403/404 — the suite
 * then lists the route so someone adds the line).
 */
export const pathFixtures: PathFixture[] = [
  { route: '/api/v1/users/{id}', value: (w) => w.a.classmate.id, reach: ownerOnly },
  { route: '/api/v1/me/sessions/{id}', value: (w) => w.a.classmate.sessionId, reach: ownerOnly },
  { route: '/api/v1/api-keys/{id}', value: (w) => w.a.apiKey.id, reach: ownerOnly },
  // Written by A's second student: every member reads it, only its author (or a moderator) changes it.
  { route: '/api/v1/pings/{id}', value: (w) => w.a.ping.id, reach: { read: 'tenant', write: 'owner' } },
  { route: '/api/v1/platform/tenants/{id}', value: (w) => w.a.id, reach: ownerOnly },
  { route: '/api/v1/admin/mail/{id}', value: (w) => w.a.mailIds[0] ?? '', reach: ownerOnly },
  { route: '/api/v1/admin/dead-letters/{id}', value: (w) => String(w.a.deadLetter.id), reach: ownerOnly },
  { route: '/api/v1/tenants/{slug}', value: (w) => w.a.slug, reach: { read: 'public', write: 'public' } },
  // Not A's but the platform's: the key that signs every token (no tenant may retire it).
  { route: '/api/v1/platform/signing-keys/{kid}', value: (w) => w.signingKeyId, reach: ownerOnly },
];

/** A value of tenant A for a query parameter or body property. */
export interface FieldFixture {
  value(world: World): unknown;
  /**
   * `reference`: names one of A's objects, sent wherever the field appears. `personal`: an email or a name,
   * sent only in query strings and to public routes — written by B into B's own records (an invitation) it
   * would become B's data, and B reading it back is no leak.
   */
  kind: 'reference' | 'personal';
}

/**
 * Tenant A's values for query parameters and body properties, by name. Required fields always get a value
 * (from here, or made up from the schema); optional ones only when named here, so that B's searches,
 * sign-ins and password resets aim at A's people.
 */
export const fieldFixtures: Record<string, FieldFixture> = {
  tenant: { value: (w) => w.a.slug, kind: 'reference' },
  tenantId: { value: (w) => w.a.id, kind: 'reference' },
  confirm: { value: (w) => w.a.slug, kind: 'reference' },
  userId: { value: (w) => w.a.classmate.id, kind: 'reference' },
  sessionId: { value: (w) => w.a.classmate.sessionId, kind: 'reference' },
  email: { value: (w) => w.a.classmate.email, kind: 'personal' },
  q: { value: (w) => w.a.classmate.name, kind: 'personal' },
};

/** The fixture for parameter `name` of `path`: the one whose route is `path` up to and including `{name}`. */
export function pathFixtureFor(path: string, name: string): PathFixture | undefined {
  const end = path.indexOf(`{${name}}`);
  if (end < 0) return undefined;
  const prefix = path.slice(0, end + name.length + 2);
  return pathFixtures.find((fixture) => fixture.route === prefix);
}
