import type { Tx } from '@tessera/platform';
import type { Category } from '../contract/schemas.js';
import type { NotifyDatabase } from '../db/notify.table.js';

export const CHANNELS = ['email', 'push', 'sms'] as const;
/** A channel that reaches the user outside the app (in-app notices are the stored notifications themselves). */
export type Channel = (typeof CHANNELS)[number];

/** What goes out: one notification, or several held ones in a digest. */
export interface OutgoingItem {
  title: string;
  body: string;
  link: string | null;
  category: Category;
}

/**
 * One way of reaching a user. `send` carries `reference` (the delivery's id) along with the message — as the
 * email's Message-ID, the SMS provider's idempotency token, the push's topic — so a send repeated after a crash
 * between the send and its record is recognised downstream as the same message.
 */
export interface ChannelSender {
  /** Several held notifications go out as one message (email's digest); else each goes out on its own. */
  readonly digests: boolean;
  /** Whether the user can be reached here at all: an active address, a push subscription, a verified number. */
  reachable(tx: Tx<NotifyDatabase>, tenantId: string, userId: string): Promise<boolean>;
  /** Sends, or throws: a `PermanentSendError` when retrying cannot help, any other error to be retried later. */
  send(tx: Tx<NotifyDatabase>, tenantId: string, userId: string, items: readonly OutgoingItem[], reference: string): Promise<void>;
}

/**
 * A refusal that retrying cannot change (a mailbox that does not exist, a number the provider rejects, a push
 * subscription that expired): the delivery ends `bounced` with the reason at once.
 */
export class PermanentSendError extends Error {
  override readonly name = 'PermanentSendError';
}

/**
 * What a failed send learnt that must outlast it, though its transaction rolls back (the push subscriptions its
 * push service said expired): run in the transaction that records the failure.
 */
export type AfterFailure = (tx: Tx<NotifyDatabase>) => Promise<void>;

/** `error`, carrying `after` for whoever records the failure. */
export function withAfterFailure<E extends Error>(error: E, after: AfterFailure): E {
  return Object.assign(error, { afterFailure: after });
}

export function afterFailureOf(error: unknown): AfterFailure | undefined {
  const after = (error as { afterFailure?: unknown } | null)?.afterFailure;
  return typeof after === 'function' ? (after as AfterFailure) : undefined;
}
