import { fileURLToPath } from 'node:url';
import type { HttpApp, ServiceContext, ServiceModule } from '@tessera/platform';
import { identityDeps } from './app/deps.js';
import { seedDemo } from './app/seed-demo.js';
import { identityGrants } from './contract/permissions.js';
import { accountRoutes } from './http/account.routes.js';
import { apiKeyRoutes } from './http/api-key.routes.js';
import { authRoutes } from './http/auth.routes.js';
import { mailRoutes } from './http/mail.routes.js';
import { meRoutes } from './http/me.routes.js';
import { mfaRoutes } from './http/mfa.routes.js';
import { ssoRoutes } from './http/sso.routes.js';
import { tenantRoutes } from './http/tenant.routes.js';
import { userRoutes } from './http/user.routes.js';
import { apiKeyVerifier } from './app/api-keys.js';

export { IdentityEvents, type TenantEventData, type UserEventData, type RoleGrantedData } from './contract/events.js';
export { IdentityPermissions } from './contract/permissions.js';
export { DEMO_TENANT_ID, PLATFORM_TENANT_ID, DEMO_PASSWORD, demoAccounts } from './app/seed-demo.js';

const routeGroups = [authRoutes, accountRoutes, mfaRoutes, ssoRoutes, meRoutes, tenantRoutes, userRoutes, apiKeyRoutes, mailRoutes];

/**
 * The identity service: tenants, users, credentials (passwords, TOTP, SSO, API keys), sessions with rotating
 * refresh tokens, and the permission grants of the access model every service's routes are checked against.
 */
export const identityService: ServiceModule = {
  name: 'identity',
  migrations: { schema: 'identity', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) },
  permissions: identityGrants,
  credentials: (context: ServiceContext) => [apiKeyVerifier(identityDeps(context))],
  async routes(app: HttpApp, context: ServiceContext) {
    const deps = identityDeps(context);
    for (const register of routeGroups) await register(app, deps);
  },
  seedDemo: (context) => seedDemo(identityDeps(context)),
};
