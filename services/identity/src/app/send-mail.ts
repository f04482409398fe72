import type { IdentityDatabase, TenantRow } from '../db/identity.table.js';
import { findTenant } from '../db/tenant.repository.js';
import { renderMail, type IdentityMail } from '../domain/mail-templates.js';
import type { IdentityDeps } from './deps.js';

/**
 * Sends an identity email after the use case committed. A mail failure is logged, never turned into an error:
 * the account change stands, and the user can ask for the message again.
 */
export async function sendIdentityMail(deps: IdentityDeps, tenantId: string, to: string, mail: IdentityMail): Promise<void> {
  try {
    const tenant = await deps.db.withSystem<IdentityDatabase, TenantRow | undefined>((tx) => findTenant(tx, tenantId));
    const rendered = renderMail(mail, tenant?.name ?? 'Tessera');
    await deps.mailer.send({ to, ...rendered, category: `identity.${mail.kind}`, tenantId });
  } catch (error) {
    deps.logger.error({ err: error, tenantId, kind: mail.kind }, 'identity mail could not be sent');
  }
}

/** A link into the web app, e.g. `/#/verify-email?token=…`. */
export function appLink(deps: IdentityDeps, path: string, params: Record<string, string>): string {
  const url = new URL(deps.config.TESSERA_PUBLIC_URL);
  url.hash = `${path}?${new URLSearchParams(params).toString()}`;
  return url.toString();
}
