import type { NotifyDatabase } from '../db/notify.table.js';
import { findByProviderRef, recordReceipt } from '../db/receipt.repository.js';
import { isTwilioSignature } from '../domain/twilio-signature.js';
import type { NotifyDeps } from './deps.js';
import { phoneErrors } from './phone-errors.js';

/** A status callback as Twilio POSTs it: the URL it called, its form parameters in order, its signature header. */
export interface TwilioCallback {
  url: string;
  params: ReadonlyArray<readonly [string, string]>;
  signature: string | undefined;
}

/**
 * Twilio's status callback for a message we sent: refused (403) unless signed with our auth token; then
 * `delivered` confirms the delivery and `undelivered` or `failed` bounces it with Twilio's error code. Other
 * statuses (queued, sent…) tell nothing the log does not show; a receipt for no known message is ignored.
 */
export async function recordTwilioStatus(deps: NotifyDeps, callback: TwilioCallback): Promise<void> {
  const token = deps.config.SMS_PROVIDER === 'twilio' ? deps.config.TWILIO_AUTH_TOKEN : undefined;
  if (!token || !isTwilioSignature(token, callback.url, callback.params, callback.signature)) throw phoneErrors.badSignature();
  const param = (name: string) => callback.params.find(([key]) => key === name)?.[1];
  const sid = param('MessageSid') ?? param('SmsSid');
  const receipt = receiptOf(param('MessageStatus') ?? param('SmsStatus'), param('ErrorCode'));
  if (!sid || !receipt) return;
  // Found across tenants, then changed as its tenant: one transaction after the other (PGlite has one connection).
  const delivery = await deps.db.withSystem<NotifyDatabase, Awaited<ReturnType<typeof findByProviderRef>>>((tx) => findByProviderRef(tx, 'sms', sid));
  if (!delivery) {
    deps.logger.info({ sid }, 'Twilio status for a message notify does not know');
    return;
  }
  await deps.db.withTenant<NotifyDatabase, boolean>(delivery.tenantId, (tx) => recordReceipt(tx, delivery.tenantId, delivery.id, receipt));
}

function receiptOf(status: string | undefined, errorCode: string | undefined): { status: 'delivered' | 'bounced'; reason: string | null } | undefined {
  if (status === 'delivered') return { status: 'delivered', reason: null };
  if (status === 'undelivered' || status === 'failed') {
    return { status: 'bounced', reason: `Twilio: ${status}${errorCode ? ` (error ${errorCode.slice(0, 20)})` : ''}` };
  }
  return undefined;
}
