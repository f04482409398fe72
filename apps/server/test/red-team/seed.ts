import { randomBytes, randomUUID } from 'node:crypto';
import { demoAccounts, DEMO_PASSWORD } from '@tessera/identity';
import type { ServiceModule } from '@tessera/platform';
import type { TestPlatform } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { bearer, expectStatus, type Api } from './api.js';
import { seedLearning, type SeededLearning } from './learning-seed.js';

/** A person of a seeded tenant, signed in through the API. */
export interface SeededUser {
  id: string;
  email: string;
  name: string;
  password: string;
  tenantSlug: string;
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  /** Set after a probe that may have ended this session (sign-out, password change): checked before the next use. */
  mayBeSignedOut: boolean;
}

/** A tenant with one of every kind of object the API exposes, all made through the API as that tenant. */
export interface SeededTenant {
  label: string;
  id: string;
  slug: string;
  name: string;
  admin: SeededUser;
  instructor: SeededUser;
  tutor: SeededUser;
  student: SeededUser;
  /** A second student: the first one must not reach this one's objects. */
  classmate: SeededUser;
  ping: { id: string; message: string };
  apiKey: { id: string; name: string; key: string };
  sso: { clientId: string; clientSecret: string };
  deadLetter: { id: number; marker: string };
  mailIds: string[];
  invitationTokens: string[];
  /** Skills, items, media, courses (tenant-only, public, unlisted) and the second student's enrollment. */
  learning: SeededLearning;
  /**
   * The ETag of seeded objects by id (or by `<route template> <id>` where a route's object is not the one its
   * path names, e.g. a course's enrollment settings), sent as If-Match so that a write that slipped through would succeed.
   */
  etags: Map<string, string>;
  /** The Idempotency-Key this tenant created objects with, by path (the attackers replay them). */
  idempotencyKeys: Map<string, string>;
}

/** Everything the attacks use: the victim A, the attacker B, and the platform admin that created both. */
export interface World {
  a: SeededTenant;
  b: SeededTenant;
  platformAdmin: SeededUser;
  /** The key that signs access tokens: a platform object no tenant may touch. */
  signingKeyId: string;
}

interface SeedContext {
  api: Api;
  platform: TestPlatform;
  platformAdmin: SeededUser;
  issuer: string;
  /** Scopes of the seeded API keys: everything a tenant admin holds. */
  adminScopes: string[];
}

const tag = () => randomBytes(4).toString('hex');
const PLATFORM_SLUG = 'platform';

/** Seeds tenants A and B the same way, through the public API, as a platform admin and then each tenant's admin. */
export async function seedWorld(api: Api, platform: TestPlatform, modules: ServiceModule[], issuer: string): Promise<World> {
  // The demo seed is the supported way to get the first platform admin.
  for (const module of modules) await module.seedDemo?.(platform);
  const account = demoAccounts.find((candidate) => candidate.roles.includes('platform_admin'));
  if (!account) throw new Error('The demo seed has no platform admin');
  const platformAdmin = await signIn(api, { id: '', email: account.email, name: account.name, password: DEMO_PASSWORD, tenantSlug: PLATFORM_SLUG });
  const adminScopes = [...platform.permissions.ofRoles(['tenant_admin'])].sort();
  const context: SeedContext = { api, platform, platformAdmin, issuer, adminScopes };
  const a = await seedTenant(context, 'A');
  const b = await seedTenant(context, 'B');
  return { a, b, platformAdmin, signingKeyId: (await platform.keys.current()).kid };
}

async function seedTenant(context: SeedContext, label: string): Promise<SeededTenant> {
  const { api } = context;
  const slug = `rt-${label.toLowerCase()}-${tag()}`;
  const name = `Red Team ${label} ${tag()}`;
  const invitationTokens: string[] = [];
  const adminPerson = person(label, 'admin');
  const { body: tenant } = await expectStatus<{ id: string }>(api, {
    method: 'POST', url: '/api/v1/platform/tenants', headers: bearer(context.platformAdmin.accessToken),
    body: { slug, name, tier: 'standard', admin: adminPerson },
  }, 201);
  const admin = await join(context, slug, adminPerson, invitationTokens);
  const invite = (role: string, who: string) => invitePerson(context, slug, admin, person(label, who), role, invitationTokens);
  const instructor = await invite('instructor', 'instructor');
  const tutor = await invite('tutor', 'tutor');
  const student = await invite('student', 'student');
  const classmate = await invite('student', 'classmate');
  const idempotencyKeys = new Map(['/api/v1/pings', '/api/v1/api-keys'].map((path) => [path, `red-team-seed-${tag()}`]));
  const etags = new Map<string, string>();
  const ping = await createPing(api, classmate, `Ping of ${label} ${tag()}`, idempotencyKeys.get('/api/v1/pings') ?? '', etags);
  const classmateRead = await expectStatus<{ id: string }>(api, { method: 'GET', url: `/api/v1/users/${classmate.id}`, headers: bearer(admin.accessToken) }, 200);
  etags.set(classmate.id, String(classmateRead.response.headers.etag));
  const learning = await seedLearning(api, { label, admin, instructor, classmate, etags, idempotencyKeys });
  return {
    label, id: tenant.id, slug, name, admin, instructor, tutor, student, classmate, ping, etags, idempotencyKeys, invitationTokens, learning,
    apiKey: await createApiKey(context, admin, label, idempotencyKeys.get('/api/v1/api-keys') ?? ''),
    sso: await connectSso(context, admin, label),
    deadLetter: await insertDeadLetter(context.platform, tenant.id, label),
    mailIds: await mailIdsOf(api, admin),
  };
}

function person(label: string, who: string): { email: string; name: string } {
  return { email: `${who}-${label.toLowerCase()}-${tag()}@red-team.test`, name: `${who} of ${label} ${tag()}` };
}

async function invitePerson(context: SeedContext, slug: string, admin: SeededUser, invited: { email: string; name: string }, role: string, tokens: string[]): Promise<SeededUser> {
  await expectStatus(context.api, {
    method: 'POST', url: '/api/v1/users/invitations', headers: bearer(admin.accessToken), body: { ...invited, roles: [role] },
  }, 201);
  return join(context, slug, invited, tokens);
}

/** Accepts the invitation mailed to `invited` (read back as the platform admin) and signs in. */
async function join(context: SeedContext, slug: string, invited: { email: string; name: string }, tokens: string[]): Promise<SeededUser> {
  const token = await invitationToken(context, invited.email);
  tokens.push(token);
  const password = `red team ${tag()} passphrase`;
  await expectStatus(context.api, { method: 'POST', url: '/api/v1/auth/invitations/accept', body: { token, password } }, 200);
  return signIn(context.api, { id: '', ...invited, password, tenantSlug: slug });
}

async function invitationToken(context: SeedContext, email: string): Promise<string> {
  const { api, platformAdmin } = context;
  const { body: page } = await expectStatus<{ items: Array<{ id: string; to: string }> }>(api, {
    method: 'GET', url: '/api/v1/admin/mail?limit=100', headers: bearer(platformAdmin.accessToken),
  }, 200);
  const mail = page.items.find((item) => item.to.includes(email));
  if (!mail) throw new Error(`Seeding: no invitation mail to ${email}`);
  const { body: raw } = await expectStatus<string>(api, { method: 'GET', url: `/api/v1/admin/mail/${mail.id}`, headers: bearer(platformAdmin.accessToken) }, 200);
  const unfolded = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = /token=([A-Za-z0-9._%-]+)/.exec(unfolded);
  if (!match?.[1]) throw new Error(`Seeding: no token in the mail to ${email}`);
  return decodeURIComponent(match[1]);
}

/** Signs `user` in (again) through the API and keeps the new tokens on it. */
export async function signIn(api: Api, user: Omit<SeededUser, 'accessToken' | 'refreshToken' | 'sessionId' | 'mayBeSignedOut'>): Promise<SeededUser> {
  const { body } = await expectStatus<{ status: string; tokens?: { accessToken: string; refreshToken: string; sessionId: string; user: { id: string } } }>(api, {
    method: 'POST', url: '/api/v1/auth/sign-in', body: { tenant: user.tenantSlug, email: user.email, password: user.password },
  }, 200);
  if (body.status !== 'signed_in' || !body.tokens) throw new Error(`Seeding: ${user.email} was not signed in (${body.status})`);
  const { accessToken, refreshToken, sessionId } = body.tokens;
  return Object.assign(user, { id: body.tokens.user.id, accessToken, refreshToken, sessionId, mayBeSignedOut: false });
}

/** Renews the user's session if a probe ended it, so the next attack is not refused for the wrong reason. */
export async function ensureSignedIn(api: Api, user: SeededUser): Promise<void> {
  if (!user.mayBeSignedOut) return;
  const me = await api({ method: 'GET', url: '/api/v1/me', headers: bearer(user.accessToken) });
  if (me.statusCode === 401) await signIn(api, user);
  user.mayBeSignedOut = false;
}

async function createPing(api: Api, author: SeededUser, message: string, idempotencyKey: string, etags: Map<string, string>) {
  const { body, response } = await expectStatus<{ id: string }>(api, {
    method: 'POST', url: '/api/v1/pings', headers: { ...bearer(author.accessToken), 'idempotency-key': idempotencyKey }, body: { message },
  }, 201);
  etags.set(body.id, String(response.headers.etag));
  return { id: body.id, message };
}

async function createApiKey(context: SeedContext, admin: SeededUser, label: string, idempotencyKey: string) {
  const name = `Key of ${label} ${tag()}`;
  const { body } = await expectStatus<{ id: string; key: string }>(context.api, {
    method: 'POST', url: '/api/v1/api-keys', headers: { ...bearer(admin.accessToken), 'idempotency-key': idempotencyKey },
    body: { name, scopes: context.adminScopes },
  }, 201);
  return { id: body.id, name, key: body.key };
}

async function connectSso(context: SeedContext, admin: SeededUser, label: string) {
  const sso = { clientId: `client-${label.toLowerCase()}-${tag()}`, clientSecret: `sso-secret-${label.toLowerCase()}-${tag()}${tag()}` };
  await expectStatus(context.api, {
    method: 'PUT', url: '/api/v1/tenant/sso', headers: bearer(admin.accessToken), body: { issuer: context.issuer, ...sso },
  }, 200);
  return sso;
}

/** Dead letters only come from failing consumers; one is written directly so the admin API has A's to hide. */
async function insertDeadLetter(platform: TestPlatform, tenantId: string, label: string) {
  const marker = `dead-letter-${label.toLowerCase()}-${tag()}`;
  const row = await platform.db.withSystem(async (tx) => (await sql<{ id: number }>`
    insert into platform.dead_letters (tenant_id, durable, subject, event_id, event, deliveries, error)
    values (${tenantId}, ${'red-team'}, ${`red-team.${marker}`}, ${randomUUID()}, ${JSON.stringify({ type: 'red_team.probe', data: { marker } })}::jsonb, 5, ${marker})
    returning id`.execute(tx)).rows[0]);
  if (!row) throw new Error('Seeding: no dead letter inserted');
  return { id: Number(row.id), marker };
}

async function mailIdsOf(api: Api, admin: SeededUser): Promise<string[]> {
  const { body } = await expectStatus<{ items: Array<{ id: string }> }>(api, { method: 'GET', url: '/api/v1/admin/mail?limit=100', headers: bearer(admin.accessToken) }, 200);
  if (body.items.length === 0) throw new Error('Seeding: the tenant has no mail');
  return body.items.map((item) => item.id);
}
