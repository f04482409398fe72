import type { Tx } from '@tessera/platform';
import webpush from 'web-push';
import type { NotifyDatabase } from '../db/notify.table.js';
import { deleteSubscriptions, hasSubscription, markSubscriptionsSucceeded, subscriptionsOf, type StoredPushSubscription } from '../db/push.repository.js';
import { pushEndpointProblem } from '../domain/push-endpoint.js';
import { PermanentSendError, withAfterFailure, type ChannelSender, type OutgoingItem } from './channels.js';
import type { NotifyDeps } from './deps.js';
import type { Vapid } from './vapid.js';

/** How long a push service keeps trying a device that is offline: a result a day late is still worth showing. */
const PUSH_TTL_SECONDS = 24 * 60 * 60;
const PUSH_TIMEOUT_MS = 10_000;

/** What the service worker receives, decrypted, to show a notification. */
export interface PushPayload {
  title: string;
  body: string;
  /** Opened on a click; absolute, since the service worker may have no page open. */
  url: string | null;
  /** The delivery's id: a repeated push replaces the notification shown rather than adding one. */
  tag: string;
}

type Outcome = { kind: 'sent' } | { kind: 'expired' } | { kind: 'failed'; error: Error };
type PushDeps = Pick<NotifyDeps, 'config'>;

/**
 * Web push to every browser the user subscribed, signed with the server's VAPID keys (read before any
 * transaction) and encrypted for each browser (aes128gcm). One browser reached is enough; a push service answering
 * 404 or 410 means that subscription expired, and it is deleted.
 */
export function pushSender(deps: PushDeps, vapid: Vapid): ChannelSender {
  return {
    digests: false,
    reachable: (tx, tenantId, userId) => hasSubscription(tx, tenantId, userId),
    async send(tx, tenantId, userId, items, reference) {
      const subscriptions = await subscriptionsOf(tx, tenantId, userId);
      if (subscriptions.length === 0) throw new PermanentSendError(`user ${userId} has no push subscription`);
      const payload = JSON.stringify(pushPayload(deps.config.TESSERA_PUBLIC_URL, items, reference));
      const outcomes = await Promise.all(subscriptions.map((subscription) => pushTo(deps, vapid, subscription, payload, reference)));
      const idsOf = (kind: Outcome['kind']) => subscriptions.filter((_, index) => outcomes[index]!.kind === kind).map((s) => s.id);
      const expired = idsOf('expired');
      const sent = idsOf('sent');
      if (sent.length > 0) {
        await deleteSubscriptions(tx, tenantId, expired);
        await markSubscriptionsSucceeded(tx, tenantId, sent, new Date());
        return;
      }
      // Throwing rolls this transaction back: the expired subscriptions are deleted where the failure is recorded.
      const forget = (db: Tx<NotifyDatabase>) => deleteSubscriptions(db, tenantId, expired);
      const failure = outcomes.find((outcome): outcome is Extract<Outcome, { kind: 'failed' }> => outcome.kind === 'failed');
      if (!failure) throw withAfterFailure(new PermanentSendError(`every push subscription of user ${userId} expired`), forget);
      throw withAfterFailure(failure.error, forget);
    },
  };
}

export function pushPayload(publicUrl: string, items: readonly OutgoingItem[], reference: string): PushPayload {
  const item = items[0];
  if (!item) throw new Error('nothing to push');
  return { title: item.title, body: item.body, url: item.link ? `${publicUrl}${item.link}` : null, tag: reference };
}

/**
 * One push. web-push signs and encrypts it; it is POSTed here (web-push's own sender speaks https only, and a
 * redirect is refused, not followed, so a push service cannot point the server elsewhere).
 */
async function pushTo(deps: PushDeps, vapid: Vapid, subscription: StoredPushSubscription, payload: string, reference: string): Promise<Outcome> {
  // An endpoint stored under a laxer policy (the insecure flag since turned off) can never be sent to again.
  if (pushEndpointProblem(subscription.endpoint, deps.config.PUSH_ALLOW_INSECURE_ENDPOINTS)) return { kind: 'expired' };
  try {
    const request = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, {
      vapidDetails: vapid, TTL: PUSH_TTL_SECONDS, urgency: 'normal', contentEncoding: 'aes128gcm',
      // The delivery's id (a topic is at most 32 base64url characters): a push repeated after a crash between the
      // send and its record replaces the earlier one still waiting at the push service instead of arriving twice.
      topic: reference.replaceAll('-', ''),
    });
    const headers = Object.fromEntries(Object.entries(request.headers as Record<string, string | number>)
      .filter(([name]) => name.toLowerCase() !== 'content-length').map(([name, value]) => [name, String(value)]));
    const response = await fetch(request.endpoint, {
      method: 'POST', headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { kind: 'sent' };
    if (response.status === 404 || response.status === 410) return { kind: 'expired' };
    return { kind: 'failed', error: new Error(`push service ${originOf(subscription)} answered ${response.status}`) };
  } catch (error) {
    // fetch says only "fetch failed"; its cause says why (refused, timed out, bad certificate).
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { kind: 'failed', error: new Error(`push service ${originOf(subscription)}: ${error instanceof Error ? error.message : String(error)}${cause}`) };
  }
}

/** Where a push went, for the delivery log: never the whole endpoint, which names the user's browser at its push service. */
function originOf(subscription: StoredPushSubscription): string {
  return new URL(subscription.endpoint).origin;
}
