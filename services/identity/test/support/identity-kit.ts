import { randomUUID } from 'node:crypto';
import type { HttpApp, ProblemBody } from '@tessera/platform';
import { createTestApp, createTestPlatform, type TestPlatform } from '@tessera/platform/testing';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { identityDeps, type IdentityDeps } from '../../src/app/deps.js';
import { createTenant, type NewTenant } from '../../src/app/tenants.js';
import type { Tenant, TokenPair } from '../../src/contract/schemas.js';
import type { IdentityDatabase, UserRow } from '../../src/db/identity.table.js';
import { insertUser } from '../../src/db/user.repository.js';
import { emailKey } from '../../src/domain/email.js';
import { identityService } from '../../src/index.js';

/** Cheap argon2 for tests (the bench measures the real cost). */
export const FAST_HASHING = { PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_ITERATIONS: '1' };
export const PASSWORD = 'correct horse battery staple';

/** A user made by the kit, with the password it signs in with. */
export interface KitUser {
  row: UserRow;
  email: string;
  password: string;
  tenant: Tenant;
}

/** An identity service over a test platform, with factories that make a fresh tenant by default. */
export interface IdentityKit {
  platform: TestPlatform;
  app: HttpApp;
  deps: IdentityDeps;
  tenant(input?: Partial<NewTenant>): Promise<Tenant>;
  user(tenant: Tenant, options?: { roles?: string[]; email?: string; password?: string; status?: UserRow['status']; verified?: boolean }): Promise<KitUser>;
  /** Signs in over HTTP and returns the tokens (fails the test unless signed in without a second factor). */
  signIn(user: KitUser): Promise<TokenPair>;
  /** A tenant's admin, signed in. */
  tenantAdmin(tenant?: Tenant): Promise<{ tenant: Tenant; user: KitUser; tokens: TokenPair }>;
  /** A platform admin (of a platform tenant of this kit), signed in. */
  platformAdmin(): Promise<{ user: KitUser; tokens: TokenPair }>;
  /** Sends a JSON request; `token` becomes the bearer header. */
  request(method: string, url: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  /** The newest message the mailer kept for `to` (embedded mailer). */
  lastMailTo(to: string): Promise<string>;
  close(): Promise<void>;
}

export async function startIdentityKit(overrides: Record<string, string> = {}): Promise<IdentityKit> {
  const platform = await createTestPlatform([identityService], { ...FAST_HASHING, ...overrides });
  const app = await createTestApp(platform, [identityService]);
  const deps = identityDeps(platform);
  let platformTenant: Tenant | undefined;

  const kit: IdentityKit = {
    platform,
    app,
    deps,
    tenant: (input = {}) => createTenant(deps, { slug: `t-${randomUUID().slice(0, 8)}`, name: 'Test University', tier: 'standard', ...input }, 'tests'),
    async user(tenant, options = {}) {
      const email = options.email ?? `user-${randomUUID().slice(0, 8)}@example.test`;
      const password = options.password ?? PASSWORD;
      const passwordHash = await deps.passwords.hash(password);
      const row = await platform.db.withTenant<IdentityDatabase, UserRow | undefined>(tenant.id, (tx) => insertUser(tx, tenant.id, {
        id: randomUUID(), email, emailKey: emailKey(email), name: 'Test Person', status: options.status ?? 'active',
        roles: options.roles ?? ['student'], passwordHash, emailVerified: options.verified ?? true,
      }));
      if (!row) throw new Error(`user ${email} exists`);
      return { row, email, password, tenant };
    },
    async signIn(user) {
      const response = await kit.request('POST', '/api/v1/auth/sign-in', { body: { tenant: user.tenant.slug, email: user.email, password: user.password } });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<{ status: string; tokens: TokenPair }>();
      expect(body.status).toBe('signed_in');
      return body.tokens;
    },
    async tenantAdmin(given) {
      const tenant = given ?? (await kit.tenant());
      const user = await kit.user(tenant, { roles: ['tenant_admin'] });
      return { tenant, user, tokens: await kit.signIn(user) };
    },
    async platformAdmin() {
      platformTenant ??= await kit.tenant({ slug: `platform-${randomUUID().slice(0, 6)}`, name: 'Platform' });
      const user = await kit.user(platformTenant, { roles: ['platform_admin'] });
      return { user, tokens: await kit.signIn(user) };
    },
    request(method, url, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] ??= 'application/json';
      return app.inject({ method: method as 'GET', url, headers, ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}) });
    },
    async lastMailTo(to) {
      const outbox = platform.mailer.outbox;
      if (!outbox) throw new Error('the mailer keeps no outbox');
      const mails = await outbox.list({ limit: 100 });
      const found = mails.find((mail) => mail.to.includes(to));
      if (!found) throw new Error(`no mail to ${to}`);
      return (await outbox.read(found.id)) ?? '';
    },
    async close() {
      await app.close();
      await platform.cleanup();
    },
  };
  return kit;
}

/** Asserts an RFC 9457 problem of `status` (and `code` when given) and returns it. */
export function expectProblem(response: LightMyRequestResponse, status: number, code?: string): ProblemBody {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json<ProblemBody>();
  if (code) expect(body.code).toBe(code);
  return body;
}

/** The first one-time link token in a raw email (`token=<...>`). */
export function tokenInMail(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = /token=([A-Za-z0-9._%-]+)/.exec(unfolded);
  if (!match?.[1]) throw new Error(`no token in mail:\n${raw}`);
  return decodeURIComponent(match[1]);
}
