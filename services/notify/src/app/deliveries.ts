import { randomUUID } from 'node:crypto';
import type { Tx } from '@tessera/platform';
import type { Category, Notification, Preferences } from '../contract/schemas.js';
import { insertDelivery, lockDelivery, lockDueOfUser, markDelivery, type DueDelivery } from '../db/delivery.repository.js';
import type { NotifyDatabase } from '../db/notify.table.js';
import { findPreferences } from '../db/preference.repository.js';
import { defaultPreferences } from '../domain/preferences.js';
import { nextSendTime } from '../domain/send-time.js';
import { channelSenders } from './channel-senders.js';
import { afterFailureOf, CHANNELS, PermanentSendError, type Channel, type ChannelSender } from './channels.js';
import type { NotifyDeps } from './deps.js';
import { tenantSendAllowance } from './send-rate.js';

type Db = Tx<NotifyDatabase>;
type Senders = Record<Channel, ChannelSender>;

/** Emitted when a delivery may go out now; the delivery consumer sends it. */
export const DELIVERY_QUEUED = 'notify.delivery.queued';

/** Tries per delivery before it is marked failed (the bus backs off between them). */
export const MAX_SEND_ATTEMPTS = 5;

/**
 * Plans the deliveries of a notification just stored, in the same transaction: one per channel the user wants
 * for the category and can be reached on, queued now (and announced) or held until their quiet hours end — or,
 * for email, their digest is due. Once per notification and channel.
 */
export async function planDeliveries(deps: Pick<NotifyDeps, 'outbox'>, senders: Senders, tx: Db, tenantId: string, notification: Notification & { userId: string }, preferences: Preferences, now: Date): Promise<void> {
  for (const channel of CHANNELS) {
    if (!preferences.categories[notification.category][channel]) continue;
    const sender = senders[channel];
    if (!(await sender.reachable(tx, tenantId, notification.userId))) continue;
    const sendAt = nextSendTime(now, sender.digests ? preferences : { ...preferences, digest: 'immediate' });
    const held = sendAt.getTime() > now.getTime();
    const id = randomUUID();
    const planned = await insertDelivery(tx, tenantId, { id, notificationId: notification.id, userId: notification.userId, channel, status: held ? 'held' : 'queued', notBefore: held ? sendAt : null });
    if (planned && !held) await announceQueued(deps, tx, tenantId, id);
  }
}

async function announceQueued(deps: Pick<NotifyDeps, 'outbox'>, tx: Db, tenantId: string, deliveryId: string): Promise<void> {
  await deps.outbox.emit(tx, tenantId, [{ name: DELIVERY_QUEUED, subject: deliveryId, data: { deliveryId } }]);
}

/**
 * Sends one queued delivery on its channel, holding its row locked so no other worker sends it meanwhile. Over
 * the tenant's send rate it is held again until the rate allows, with no try counted. A refusal retrying cannot
 * change marks it bounced at once; other failures are counted, and the last try marks it failed with the reason
 * (earlier ones throw, for the bus to retry with growing pauses).
 */
export async function sendQueued(deps: NotifyDeps, tenantId: string, deliveryId: string, attempt: number): Promise<void> {
  const senders = await channelSenders(deps);
  try {
    await deps.db.withTenant<NotifyDatabase, void>(tenantId, async (tx) => {
      const delivery = await lockDelivery(tx, tenantId, deliveryId);
      if (!delivery || delivery.status !== 'queued') return;
      const allowance = await tenantSendAllowance(deps, tx, tenantId);
      if (allowance.waitMs > 0) {
        await markDelivery(tx, tenantId, [deliveryId], { status: 'held', notBefore: new Date(Date.now() + allowance.waitMs), error: 'held: tenant send rate reached', countAttempt: false });
        return;
      }
      const items = await tx.selectFrom('notify.notifications').select(['title', 'body', 'link', 'category']).where('tenant_id', '=', tenantId).where('id', '=', delivery.notificationId).execute();
      await senders[delivery.channel].send(tx, tenantId, delivery.userId, items, deliveryId);
      await markDelivery(tx, tenantId, [deliveryId], { status: 'sent', sentAt: new Date(), countAttempt: true });
    });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const bounced = error instanceof PermanentSendError;
    const last = bounced || attempt >= MAX_SEND_ATTEMPTS;
    await deps.db.withTenant<NotifyDatabase, void>(tenantId, async (tx) => {
      await markDelivery(tx, tenantId, [deliveryId], { status: bounced ? 'bounced' : last ? 'failed' : 'queued', error: reason, countAttempt: true });
      await afterFailureOf(error)?.(tx);
    });
    if (!last) throw error;
    deps.logger.warn({ err: error, deliveryId }, 'delivery failed for good');
  }
}

/**
 * Sends a user's held deliveries now due. Email goes as one message when there is one, a digest of them all
 * when there are several; other channels' are queued again, each to go out on its own. Run by the job across
 * the tenants of a database; returns how many deliveries it moved on.
 */
export async function sendDueOfUser(deps: NotifyDeps, tenantId: string, userId: string, now: Date): Promise<number> {
  const senders = await channelSenders(deps);
  return deps.db.withTenant<NotifyDatabase, number>(tenantId, async (tx) => {
    const due = await lockDueOfUser(tx, tenantId, userId, now);
    if (due.length === 0) return 0;
    let moved = 0;
    for (const channel of CHANNELS) {
      const ofChannel = due.filter((delivery) => delivery.channel === channel);
      if (ofChannel.length > 0) moved += await releaseHeld(deps, senders[channel], tx, tenantId, userId, ofChannel);
    }
    return moved;
  });
}

async function releaseHeld(deps: NotifyDeps, sender: ChannelSender, tx: Db, tenantId: string, userId: string, due: DueDelivery[]): Promise<number> {
  const ids = due.map((delivery) => delivery.id);
  if (!sender.digests) {
    await markDelivery(tx, tenantId, ids, { status: 'queued', countAttempt: false });
    for (const id of ids) await announceQueued(deps, tx, tenantId, id);
    return ids.length;
  }
  const allowance = await tenantSendAllowance(deps, tx, tenantId);
  if (allowance.waitMs > 0) {
    await markDelivery(tx, tenantId, ids, { status: 'held', notBefore: new Date(Date.now() + allowance.waitMs), error: 'held: tenant send rate reached', countAttempt: false });
    return 0;
  }
  await sender.send(tx, tenantId, userId, due.map((d) => ({ title: d.title, body: d.body, link: d.link, category: d.category as Category })), due[0]!.id);
  await markDelivery(tx, tenantId, ids, { status: 'sent', sentAt: new Date(), countAttempt: true });
  return ids.length;
}

/** The user's preferences, or the defaults, read inside a transaction. */
export async function preferencesIn(tx: Db, tenantId: string, userId: string): Promise<Preferences> {
  return (await findPreferences(tx, tenantId, userId)) ?? defaultPreferences();
}
