import { randomInt, randomUUID } from 'node:crypto';
import type { Permissions } from '@tessera/platform';
import type { Api, ApiRequest } from './api.js';
import { failureOf, markersFor, type Attack, type Target } from './attacks.js';
import { fieldFixtures, pathFixtureFor, type FieldFixture, type Reach } from './fixtures.js';
import { findLeaks, type Leak, type Marker } from './markers.js';
import { isPublic, pathParameters, type JsonSchema, type Operation } from './operations.js';
import { sampleOf, sampleString } from './samples.js';
import { ensureSignedIn, type World } from './seed.js';

/** The outcome of one attack on one operation. */
export interface ProbeResult {
  operation: Operation;
  attack: Attack;
  status: number;
  leaks: Leak[];
  failure: string | undefined;
  /** Path parameters no fixture names: the probe used a random value. */
  unnamed: string[];
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a probe needs besides the operation and the attack. */
export interface ProbeContext {
  api: Api;
  world: World;
  markers: Marker[];
  permissions: Permissions;
}

/** Sends one attack at one operation and judges the answer. */
export async function probe({ api, world, markers, permissions }: ProbeContext, operation: Operation, attack: Attack): Promise<ProbeResult> {
  const actor = attack.actor?.(world);
  if (actor) await ensureSignedIn(api, actor);
  const { request, reach, referencesA, unnamed } = requestFor(operation, world, attack.headers(world));
  const permitted = operation.permission === 'authenticated' || permissions.ofRoles(attack.roles ?? []).has(operation.permission);
  const target: Target = { reach, referencesA, permitted };
  const response = await api(request);
  // Sign-out, password changes and the like end sessions: the next probe checks before trusting a 401.
  if (actor && WRITES.has(operation.method)) actor.mayBeSignedOut = true;
  const received = `${response.body}\n${JSON.stringify(response.headers)}`;
  const sent = `${request.url}\n${JSON.stringify(request.body ?? null)}\n${JSON.stringify(request.headers)}`;
  const leaks = findLeaks(received, sent, markersFor(attack, operation, markers));
  return { operation, attack, status: response.statusCode, leaks, failure: failureOf(attack, operation, target, response.statusCode, leaks), unnamed };
}

/**
 * The request an attacker sends: A's objects in the path (from the fixtures, or a random id), A's values in
 * the query and body fields the fixtures name, a body valid for the route's schema, on every write the ETag of
 * A's object as If-Match (so a write would go through if nothing stopped it) and, on POSTs, the
 * Idempotency-Key A used (so a replay cache shared across tenants would hand over A's stored response).
 */
export function requestFor(operation: Operation, world: World, headers: Record<string, string>): { request: ApiRequest; reach: Reach | undefined; referencesA: boolean; unnamed: string[] } {
  let referencesA = false;
  const fieldValue = (inBody: boolean) => (name: string) => {
    const fixture = fieldFixtures[name];
    if (!fixture || (inBody && fixture.kind === 'personal' && !isPublic(operation)) || (!inBody && !inQueries(fixture))) return undefined;
    if (fixture.kind === 'reference') referencesA = true;
    return fixture.value(world);
  };
  const reaches: Reach[] = [];
  const unnamed: string[] = [];
  const pathValues: string[] = [];
  let url = operation.path;
  for (const parameter of pathParameters(operation)) {
    const fixture = pathFixtureFor(operation.path, parameter.name);
    if (!fixture) unnamed.push(parameter.name);
    const value = fixture ? fixture.value(world) : randomValue(parameter.schema);
    reaches.push(fixture ? fixture.reach[operation.method === 'GET' ? 'read' : 'write'] : 'owner');
    pathValues.push(value);
    url = url.replace(`{${parameter.name}}`, encodeURIComponent(value));
  }
  const query = new URLSearchParams();
  for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
    const fixture = fieldFixtures[parameter.name];
    const named = fixture !== undefined && inQueries(fixture);
    const needed = parameter.required && !('default' in parameter.schema);
    if (named || needed) query.set(parameter.name, String(sampleOf(parameter.schema, fieldValue(false), parameter.name)));
  }
  const extra: Record<string, string> = {};
  if (WRITES.has(operation.method)) extra['if-match'] = etagOfA(world, operation.path, pathValues);
  // A fresh key unless A used one on this route: one key on every route would be refused as reused (422) before any access check.
  if (operation.method === 'POST') extra['idempotency-key'] = world.a.idempotencyKeys.get(operation.path) ?? `red-team-probe-${randomUUID()}`;
  const search = query.toString();
  const request: ApiRequest = {
    method: operation.method,
    url: search ? `${url}?${search}` : url,
    headers: { ...extra, ...headers },
    ...(operation.body ? { body: sampleOf(operation.body, fieldValue(true)) } : {}),
  };
  return { request, reach: reachOf(reaches), referencesA, unnamed };
}

/** Whether a field fixture is sent in query strings too (fillers and body-only references are not). */
function inQueries(fixture: FieldFixture): boolean {
  return fixture.kind !== 'filler' && fixture.bodyOnly !== true;
}

/**
 * The ETag of the object A's write on this route would change (workflow POSTs take one too): the one seeded
 * for this route and id, else for the id; `"1"` for objects with none.
 */
function etagOfA(world: World, path: string, pathValues: string[]): string {
  const known = (value: string) => world.a.etags.get(`${path} ${value}`) ?? world.a.etags.get(value);
  return pathValues.map(known).find(Boolean) ?? '"1"';
}

/** The most guarded reach among the path's objects; undefined when the path names none. */
function reachOf(reaches: Reach[]): Reach | undefined {
  if (reaches.length === 0) return undefined;
  if (reaches.includes('owner')) return 'owner';
  return reaches.includes('tenant') ? 'tenant' : 'public';
}

function randomValue(schema: JsonSchema): string {
  if (schema.type !== 'integer' && schema.type !== 'number') return sampleString(schema);
  const max = typeof schema.maximum === 'number' ? Math.min(schema.maximum, 2 ** 40) : 2 ** 31 - 1;
  const min = typeof schema.minimum === 'number' ? schema.minimum : 1;
  return String(randomInt(Math.max(min, Math.floor(max / 2)), max));
}
