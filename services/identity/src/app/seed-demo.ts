import { randomUUID } from 'node:crypto';
import { defaultSettings, findTenant, insertTenant } from '../db/tenant.repository.js';
import type { IdentityDatabase } from '../db/identity.table.js';
import { insertUser } from '../db/user.repository.js';
import { emailKey } from '../domain/email.js';
import { IdentityEvents } from '../contract/events.js';
import { userEvent } from './user-events.js';
import type { IdentityDeps } from './deps.js';

/** The demo tenant the seed creates (other services seed their demo data into it). */
export const DEMO_TENANT_ID = '00000000-0000-4000-8000-000000000001';
/** The tenant that platform administrators belong to. */
export const PLATFORM_TENANT_ID = '00000000-0000-4000-8000-000000000000';
/** The password of every demo account (listed in the README). */
export const DEMO_PASSWORD = 'tessera-demo-2026';

/** The demo accounts, by email: listed in the README. */
export const demoAccounts = [
  { tenantId: PLATFORM_TENANT_ID, email: 'platform-admin@tessera.localhost', name: 'Pat Platform', roles: ['platform_admin'] },
  { tenantId: DEMO_TENANT_ID, email: 'admin@demo.tessera.localhost', name: 'Ada Admin', roles: ['tenant_admin'] },
  { tenantId: DEMO_TENANT_ID, email: 'instructor@demo.tessera.localhost', name: 'Ian Instructor', roles: ['instructor'] },
  { tenantId: DEMO_TENANT_ID, email: 'tutor@demo.tessera.localhost', name: 'Tia Tutor', roles: ['tutor'] },
  { tenantId: DEMO_TENANT_ID, email: 'student@demo.tessera.localhost', name: 'Sam Student', roles: ['student'] },
  { tenantId: DEMO_TENANT_ID, email: 'student2@demo.tessera.localhost', name: 'Sky Student', roles: ['student'] },
];

/** Creates the platform tenant, the demo tenant and their accounts; does nothing for what already exists. */
export async function seedDemo(deps: IdentityDeps): Promise<void> {
  await ensureTenant(deps, PLATFORM_TENANT_ID, 'platform', 'Tessera platform', false);
  await ensureTenant(deps, DEMO_TENANT_ID, 'demo', 'Demo University', true);
  const passwordHash = await deps.passwords.hash(DEMO_PASSWORD);
  for (const account of demoAccounts) {
    await deps.db.withTenant<IdentityDatabase, void>(account.tenantId, async (tx) => {
      const created = await insertUser(tx, account.tenantId, {
        id: randomUUID(), email: account.email, emailKey: emailKey(account.email), name: account.name,
        status: 'active', roles: account.roles, passwordHash, emailVerified: true,
      });
      // Announced like any sign-up, so other services' read models (enrollment's users) know the demo accounts.
      if (created) await deps.outbox.emit(tx, account.tenantId, [userEvent(IdentityEvents.userRegistered, created)]);
    });
  }
}

async function ensureTenant(deps: IdentityDeps, id: string, slug: string, name: string, selfRegistration: boolean): Promise<void> {
  await deps.db.withSystem<IdentityDatabase, void>(async (tx) => {
    if (await findTenant(tx, id)) return;
    await insertTenant(tx, { id, slug, name, tier: 'standard', status: 'active', settings: { ...defaultSettings, selfRegistration } });
  });
  if (!(await deps.tenants.get(id))) await deps.tenants.save({ id, slug, tier: 'standard', status: 'active', databaseName: null });
}
