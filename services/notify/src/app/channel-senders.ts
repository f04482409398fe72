import type { Channel, ChannelSender } from './channels.js';
import type { NotifyDeps } from './deps.js';
import { emailSender } from './email-channel.js';
import { pushSender } from './push-channel.js';
import { smsProviderOf } from './sms/select-provider.js';
import { smsSender } from './sms-channel.js';
import { unsubscribeKey } from './signing-key.js';
import { vapidKeys } from './vapid.js';

/** Every channel's sender. Call outside transactions: senders read their keys first. */
export async function channelSenders(deps: NotifyDeps): Promise<Record<Channel, ChannelSender>> {
  const key = await unsubscribeKey(deps);
  const vapid = await vapidKeys(deps);
  return { email: emailSender(deps, key), push: pushSender(deps, vapid), sms: smsSender(deps, smsProviderOf(deps)) };
}
