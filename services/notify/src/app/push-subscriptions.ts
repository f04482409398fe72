import { createECDH, randomUUID } from 'node:crypto';
import type { PushSubscription, PushSubscriptionInput } from '../contract/push.js';
import type { NotifyDatabase } from '../db/notify.table.js';
import { deleteSubscriptionOf, keepNewestSubscriptions, saveSubscription, subscriptionsOf, type StoredPushSubscription } from '../db/push.repository.js';
import { pushEndpointProblem } from '../domain/push-endpoint.js';
import type { NotifyDeps } from './deps.js';
import { notifyErrors } from './errors.js';
import type { Reader } from './notifications.js';

/**
 * Browsers kept per user. Each push fans out to all of them, and a browser that subscribed anew under another
 * endpoint leaves its old one behind until a push finds it expired: the least recently used go first.
 */
const MAX_SUBSCRIPTIONS_PER_USER = 20;
const USER_AGENT_MAX = 300;

/**
 * Subscribes a browser to the reader's pushes; the same endpoint again (the browser re-sent its subscription, or
 * someone else signed in on it) answers the existing subscription, now the reader's.
 */
export async function subscribePush(deps: NotifyDeps, reader: Reader, input: PushSubscriptionInput, userAgent: string | undefined): Promise<{ subscription: PushSubscription; created: boolean }> {
  const keys = checkedSubscription(input, deps.config.PUSH_ALLOW_INSECURE_ENDPOINTS);
  const saved = await deps.db.withTenant<NotifyDatabase, { subscription: StoredPushSubscription; created: boolean }>(reader.tenantId, async (tx) => {
    const result = await saveSubscription(tx, reader.tenantId, {
      id: randomUUID(), userId: reader.userId, endpoint: input.endpoint, ...keys, userAgent: userAgent?.slice(0, USER_AGENT_MAX) || null,
    });
    await keepNewestSubscriptions(tx, reader.tenantId, reader.userId, MAX_SUBSCRIPTIONS_PER_USER, result.subscription.id);
    return result;
  });
  return { subscription: presented(saved.subscription), created: saved.created };
}

export async function listPushSubscriptions(deps: NotifyDeps, reader: Reader): Promise<PushSubscription[]> {
  const rows = await deps.db.withTenant<NotifyDatabase, StoredPushSubscription[]>(reader.tenantId, (tx) => subscriptionsOf(tx, reader.tenantId, reader.userId));
  return rows.map(presented);
}

/** Stops pushes to one of the reader's browsers (another user's or tenant's subscription is not found). */
export async function unsubscribePush(deps: NotifyDeps, reader: Reader, id: string): Promise<void> {
  const deleted = await deps.db.withTenant<NotifyDatabase, boolean>(reader.tenantId, (tx) => deleteSubscriptionOf(tx, reader.tenantId, reader.userId, id));
  if (!deleted) throw notifyErrors.pushSubscriptionNotFound(id);
}

/** The keys of a subscription the server can encrypt for and POST to (unpadded base64url), or a 400 naming each bad field. */
export function checkedSubscription(input: PushSubscriptionInput, allowInsecure: boolean): { p256dh: string; auth: string } {
  const errors: Array<{ pointer: string; detail: string }> = [];
  const endpointProblem = pushEndpointProblem(input.endpoint, allowInsecure);
  if (endpointProblem) errors.push({ pointer: '/body/endpoint', detail: endpointProblem });
  const p256dh = input.keys.p256dh.replace(/=+$/, '');
  if (!isP256PublicKey(Buffer.from(p256dh, 'base64url'))) {
    errors.push({ pointer: '/body/keys/p256dh', detail: 'must be an uncompressed P-256 public key (65 bytes starting 0x04), base64url' });
  }
  const auth = input.keys.auth.replace(/=+$/, '');
  if (Buffer.from(auth, 'base64url').length !== 16) errors.push({ pointer: '/body/keys/auth', detail: 'must be 16 bytes, base64url' });
  if (errors.length > 0) throw notifyErrors.badPushSubscription(errors);
  return { p256dh, auth };
}

function isP256PublicKey(key: Buffer): boolean {
  if (key.length !== 65 || key[0] !== 0x04) return false;
  try {
    // Refuses a point not on the curve now, rather than every push to it failing later.
    const probe = createECDH('prime256v1');
    probe.generateKeys();
    probe.computeSecret(key);
    return true;
  } catch {
    return false;
  }
}

function presented(row: StoredPushSubscription): PushSubscription {
  return { id: row.id, endpoint: row.endpoint, userAgent: row.userAgent, createdAt: row.createdAt.toISOString(), lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null };
}
