import { findRecipient } from '../db/recipient.repository.js';
import { renderEmail, type EmailItem } from '../domain/email-render.js';
import { signUnsubscribe } from '../domain/unsubscribe-token.js';
import { PermanentSendError, type ChannelSender } from './channels.js';
import type { NotifyDeps } from './deps.js';
import { brandOf, settingsIn } from './settings.js';

/**
 * Email through the platform's mailer, in the tenant's brand (its admins set it), with a one-click unsubscribe link
 * (RFC 8058) for the category. `key` signs those links; it is read before any transaction (on PGlite a second
 * connection inside one would wait for it forever).
 */
export function emailSender(deps: Pick<NotifyDeps, 'mailer' | 'config'>, key: Buffer): ChannelSender {
  return {
    digests: true,
    async reachable(tx, tenantId, userId) {
      return (await findRecipient(tx, tenantId, userId))?.active === true;
    },
    async send(tx, tenantId, userId, items, reference) {
      const recipient = await findRecipient(tx, tenantId, userId);
      if (!recipient?.active) throw new PermanentSendError(`user ${userId} has no active email address`);
      const category = items[0]?.category ?? 'results';
      const token = signUnsubscribe(key, { tenantId, userId, category });
      const unsubscribeUrl = `${deps.config.TESSERA_PUBLIC_URL}/api/v1/notifications/unsubscribe?token=${token}`;
      const emailItems: EmailItem[] = items.map((item) => ({ title: item.title, body: item.body, url: item.link ? `${deps.config.TESSERA_PUBLIC_URL}${item.link}` : null }));
      const settings = await settingsIn(deps, tx, tenantId);
      const rendered = renderEmail(emailItems, { locale: recipient.locale, brand: brandOf(settings), unsubscribeUrl });
      try {
        await deps.mailer.send({
          to: recipient.email, ...rendered, category: `notify.${category}`, tenantId, messageId: `<${reference}@notify.tessera>`,
          // RFC 8058: mail clients offer one-click unsubscribe with a POST to this URL, no sign-in needed.
          headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Tessera-Delivery': reference },
        });
      } catch (error) {
        throw isPermanentSmtpRefusal(error) ? new PermanentSendError(error instanceof Error ? error.message : String(error)) : error;
      }
    },
  };
}

/** A 5xx answer of the mail server (no such mailbox, refused): the same message will be refused again. */
function isPermanentSmtpRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
