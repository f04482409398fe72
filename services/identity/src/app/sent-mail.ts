import { AppError, decodeCursor, toPage, type MailOutbox, type Principal, type SentMail as KeptMail } from '@tessera/platform';
import type { SentMail } from '../contract/users.js';
import type { IdentityDeps } from './deps.js';

/**
 * The messages the embedded mailer kept, newest first: a tenant admin sees their tenant's only, a platform
 * admin sees every message. An SMTP mailer keeps nothing (404 MAIL.NOT_KEPT).
 */
export async function listSentMail(deps: IdentityDeps, principal: Principal, page: { limit: number; cursor?: string | undefined }) {
  const outbox = outboxOf(deps);
  const before = page.cursor ? String(decodeCursor(page.cursor, 1, ([id]) => typeof id === 'string' && id.length <= 100)[0]) : undefined;
  const kept = await outbox.list({ limit: page.limit + 1, ...tenantFilter(principal), ...(before ? { before } : {}) });
  return toPage(kept, page.limit, (mail) => [mail.id], present);
}

/** The raw RFC 5322 message; another tenant's message is as unknown as a made-up id. */
export async function readSentMail(deps: IdentityDeps, principal: Principal, id: string): Promise<string> {
  const outbox = outboxOf(deps);
  // Ids have a fixed width, so the newest message at or before `id` is `id` itself when it exists.
  const [record] = await outbox.list({ limit: 1, before: `${id}\u0000` });
  const { tenantId } = tenantFilter(principal);
  const visible = record?.id === id && (tenantId === undefined || record.tenantId === tenantId);
  const raw = visible ? await outbox.read(id) : undefined;
  if (raw === undefined) throw new AppError('not_found', 'MAIL.NOT_FOUND', `No message ${id}`);
  return raw;
}

function tenantFilter(principal: Principal): { tenantId?: string } {
  return principal.kind === 'user' && principal.roles.includes('platform_admin') ? {} : { tenantId: principal.tenantId };
}

function outboxOf(deps: IdentityDeps): MailOutbox {
  const outbox = deps.mailer.outbox;
  if (!outbox) throw new AppError('not_found', 'MAIL.NOT_KEPT', 'This server sends mail over SMTP and keeps no copies');
  return outbox;
}

function present(mail: KeptMail): SentMail {
  return {
    id: mail.id, messageId: mail.messageId, to: mail.to, subject: mail.subject,
    category: mail.category ?? null, tenantId: mail.tenantId ?? null, sentAt: mail.sentAt,
  };
}
