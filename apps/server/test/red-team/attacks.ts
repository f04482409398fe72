import { bearer } from './api.js';
import type { Reach } from './fixtures.js';
import type { Leak, Marker } from './markers.js';
import { isPublic, type Operation } from './operations.js';
import type { SeededUser, World } from './seed.js';

/** One way of calling a route that must not reach tenant A's data. */
export interface Attack {
  name: string;
  /**
   * `refused`: the credential itself is worthless here (none, forged, or another tenant's on A's address): every
   * non-public route must answer 401. `outsider`: a valid credential of tenant B. `classmate`: A's own student,
   * aimed at A's other student.
   */
  kind: 'refused' | 'outsider' | 'classmate';
  /** The seeded user whose session the attack uses: renewed before the probe if an earlier probe ended it. */
  actor?: (world: World) => SeededUser;
  /** The roles the credential carries (an API key: the scopes of these roles), when it is a valid one. */
  roles?: string[];
  headers: (world: World) => Record<string, string>;
}

/** The address of A's institution (`<slug>.<domain>`): the kernel reads the tenant of a host from its first label. */
export function hostOf(slug: string): string {
  return `${slug}.tessera.localhost`;
}

const bAdmin = (world: World) => world.b.admin;

/** Every attack, tried against every documented operation. */
export const attacks: Attack[] = [
  { name: 'no credentials', kind: 'refused', headers: () => ({}) },
  {
    name: "B's token re-signed as A's platform admin (tampered payload)",
    kind: 'refused',
    actor: bAdmin,
    headers: (world) => bearer(tamper(world.b.admin.accessToken, claimsOfA(world), 'keep-signature')),
  },
  {
    name: "B's token re-signed as A's platform admin (alg none)",
    kind: 'refused',
    actor: bAdmin,
    headers: (world) => bearer(tamper(world.b.admin.accessToken, claimsOfA(world), 'alg-none')),
  },
  { name: "B's admin", kind: 'outsider', roles: ['tenant_admin'], actor: bAdmin, headers: (world) => bearer(world.b.admin.accessToken) },
  { name: "B's student", kind: 'outsider', roles: ['student'], actor: (world) => world.b.student, headers: (world) => bearer(world.b.student.accessToken) },
  { name: "B's API key (every admin scope)", kind: 'outsider', roles: ['tenant_admin'], headers: (world) => bearer(world.b.apiKey.key) },
  {
    name: "B's admin on A's address",
    kind: 'refused',
    actor: bAdmin,
    headers: (world) => ({ ...bearer(world.b.admin.accessToken), host: hostOf(world.a.slug) }),
  },
  { name: "A's student on A's other student", kind: 'classmate', roles: ['student'], actor: (world) => world.a.student, headers: (world) => bearer(world.a.student.accessToken) },
];

function claimsOfA(world: World): Record<string, unknown> {
  return { tid: world.a.id, sub: world.a.admin.id, sid: world.a.admin.sessionId, roles: ['tenant_admin', 'platform_admin'] };
}

/** A JWT with its payload rewritten: either keeping the original signature, or declaring no algorithm at all. */
function tamper(token: string, claims: Record<string, unknown>, how: 'keep-signature' | 'alg-none'): string {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const forgedPayload = encode({ ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), ...claims });
  if (how === 'keep-signature') return `${header}.${forgedPayload}.${signature}`;
  const forgedHeader = encode({ ...JSON.parse(Buffer.from(header, 'base64url').toString('utf8')), alg: 'none' });
  return `${forgedHeader}.${forgedPayload}.`;
}

/**
 * The markers an attack must not see: outsiders none of A's (public ones allowed on public routes, and what
 * the public catalog shows with A's public course on its routes); a classmate the other's personal data and
 * others' secrets.
 */
export function markersFor(attack: Attack, operation: Operation, markers: Marker[]): Marker[] {
  if (attack.kind === 'classmate') {
    return markers.filter((marker) => (marker.sensitivity === 'personal' && marker.owner === 'classmate') || (marker.sensitivity === 'secret' && marker.owner !== 'student'));
  }
  if (!isPublic(operation)) return markers;
  const catalog = isPublicCatalog(operation);
  return markers.filter((marker) => marker.sensitivity !== 'public' && !(catalog && marker.listed));
}

/** The public catalog's routes: public courses of every tenant, by design. */
function isPublicCatalog(operation: Operation): boolean {
  return isPublic(operation) && operation.path.startsWith('/api/v1/public/');
}

const REFUSALS = new Set([401, 403, 404]);

/** What a probe's request aims at. */
export interface Target {
  /** Who may reach the objects the path names (undefined: it names none). */
  reach: Reach | undefined;
  /** The query or body names one of A's objects. */
  referencesA: boolean;
  /** The attacker's credential holds the route's permission (always true for `authenticated`). */
  permitted: boolean;
}

/**
 * Why a probe failed, or undefined. Never a 5xx, never a marker. Beyond that, on every non-public route: a
 * worthless credential gets 401; a credential without the route's permission 401/403/404; a path naming
 * one of A's objects answers B — and A's other student, for objects only their owner may reach — with
 * 401/403/404 (a random id stands for an owner's object); a query or body naming A's objects gets a 4xx
 * from B. Anything else is the attacker's own scope, where the leak check is what matters.
 */
export function failureOf(attack: Attack, operation: Operation, target: Target, status: number, leaks: Leak[]): string | undefined {
  if (status >= 500) return `server error ${status}`;
  if (leaks.length > 0) return `leaked ${leaks.map((leak) => `${leak.marker.what} (…${leak.snippet}…)`).join('; ')}`;
  if (isPublic(operation)) return undefined;
  if (attack.kind === 'refused') return status === 401 ? undefined : `expected 401, got ${status}`;
  const refusal = !target.permitted || (attack.kind === 'outsider' ? target.reach !== undefined : target.reach === 'owner');
  if (refusal && !REFUSALS.has(status)) return `expected 401/403/404, got ${status}`;
  if (attack.kind === 'outsider' && target.referencesA && status < 400) return `expected a 4xx for a request naming A's objects, got ${status}`;
  return undefined;
}
