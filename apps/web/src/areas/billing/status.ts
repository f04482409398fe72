import type { OrderStatus } from './billing-api';

/** How each order status reads at a glance: done, waiting, or gone wrong. */
export const STATUS_TONE: Record<OrderStatus, 'success' | 'warning' | 'danger' | undefined> = {
  awaiting_payment: 'warning', authorizing: 'warning', requires_action: 'warning', capturing: 'warning',
  paid: 'success', failed: 'danger', cancelled: undefined, refunded: undefined, partially_refunded: 'success', disputed: 'danger',
};

/** Statuses an admin may refund from: money was taken and not all of it given back. */
export const REFUNDABLE: readonly OrderStatus[] = ['paid', 'partially_refunded'];

/** A date and time in the reader's words. */
export function dateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
