import type { PayoutStatus, RefundStatus } from './billing-api';

/** How each refund status reads at a glance: waiting, done, or not given. */
export const REFUND_TONE: Record<RefundStatus, 'success' | 'warning' | 'danger' | undefined> = {
  requested: 'warning', pending: 'warning', succeeded: 'success', failed: 'danger', rejected: undefined,
};

/** How each payout status reads at a glance. */
export const PAYOUT_TONE: Record<PayoutStatus, 'success' | 'warning' | 'danger'> = {
  pending: 'warning', paid: 'success', failed: 'danger',
};

/** A request still waits for a decision or for the card network: a second one would be refused (409). */
export function refundInProgress(status: RefundStatus): boolean {
  return status === 'requested' || status === 'pending';
}
