/** An instructor's statement of one payout. */
export function payoutPath(payoutId: string): string {
  return `/teach/payouts/${payoutId}`;
}
