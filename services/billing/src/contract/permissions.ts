import type { PermissionGrants } from '@tessera/platform';

/** Permissions of the billing service; routes name them, roles hold them (see `billingGrants`). */
export const BillingPermissions = {
  /** Buy, pay one's own orders, read one's own orders and receipts, ask for refunds. */
  buy: 'billing.buy',
  /** Price the courses one published (instructors) — tenant admins price any course, for any payee. */
  price: 'billing.price',
  /** The tenant's terms (currency, commission, tax, refund window), coupons, every order, refunds, payouts, reports. */
  manage: 'billing.manage',
  /** One's own earnings: the payable balance and payout statements. */
  earnings: 'billing.earnings',
} as const;

export const billingGrants: PermissionGrants = {
  [BillingPermissions.buy]: ['student', 'instructor', 'tutor', 'tenant_admin'],
  [BillingPermissions.price]: ['instructor', 'tenant_admin'],
  [BillingPermissions.manage]: ['tenant_admin'],
  [BillingPermissions.earnings]: ['instructor', 'tutor', 'tenant_admin'],
};
