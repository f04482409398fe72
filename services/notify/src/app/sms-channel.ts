import { setProviderRef } from '../db/delivery.repository.js';
import { verifiedPhone } from '../db/phone.repository.js';
import { smsText } from '../domain/sms-text.js';
import { PermanentSendError, type ChannelSender } from './channels.js';
import type { NotifyDeps } from './deps.js';
import type { SmsProvider } from './sms/provider.js';

/**
 * SMS: one short text per notification (title, body cut to fit, link) to the user's verified number. The
 * provider's id for the message is kept on the delivery, for its delivery receipt to find. Without a provider
 * (`SMS_PROVIDER=none`) no one is reachable.
 */
export function smsSender(deps: Pick<NotifyDeps, 'config'>, provider: SmsProvider | undefined): ChannelSender {
  return {
    digests: false,
    async reachable(tx, tenantId, userId) {
      return provider !== undefined && (await verifiedPhone(tx, tenantId, userId)) !== undefined;
    },
    async send(tx, tenantId, userId, items, reference) {
      if (!provider) throw new PermanentSendError('SMS is not configured on this platform');
      const phone = await verifiedPhone(tx, tenantId, userId);
      if (!phone) throw new PermanentSendError(`user ${userId} has no verified phone number`);
      const item = items[0];
      if (!item) return;
      const { providerRef } = await provider.send({ to: phone, body: smsText(item, deps.config.TESSERA_PUBLIC_URL), reference });
      await setProviderRef(tx, tenantId, reference, providerRef);
    },
  };
}
