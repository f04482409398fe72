import { randomUUID } from 'node:crypto';
import type { Platform } from '../runtime/platform.js';

/** A tenant with a user and a bearer header for it, for HTTP tests. */
export interface TestTenant {
  tenantId: string;
  subject: string;
  authorization: string;
}

/** A fresh active tenant in the registry and an access token for a user in it (identity is not involved). */
export async function testTenant(platform: Pick<Platform, 'tokens' | 'tenants'>, roles: string[] = ['student']): Promise<TestTenant> {
  const tenantId = randomUUID();
  const subject = randomUUID();
  await platform.tenants.save({ id: tenantId, slug: `t-${tenantId.slice(0, 8)}`, tier: 'standard', status: 'active', databaseName: null });
  const token = await platform.tokens.issue({ subject, tenantId, roles });
  return { tenantId, subject, authorization: `Bearer ${token}` };
}
