import { api, unwrap } from '../../api/client';
import { downloadFile } from '../../api/download';
import type { paths } from '../../api/openapi';
import { withEtag, type Versioned } from '../../api/versioned';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type BodyOf<T> = T extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never;

export type Order = Json<paths['/api/v1/billing/orders/{orderId}']['get']['responses'][200]>;
export type OrderStatus = Order['status'];
export type OrderPage = Json<paths['/api/v1/billing/orders']['get']['responses'][200]>;
export type Price = Json<paths['/api/v1/billing/courses/{courseId}/price']['get']['responses'][200]>;
export type BillingSettings = Json<paths['/api/v1/billing/settings']['get']['responses'][200]>;
export type BillingSettingsChange = BodyOf<paths['/api/v1/billing/settings']['put']>;
export type Coupon = Json<paths['/api/v1/billing/coupons']['get']['responses'][200]>['items'][number];
export type CouponInput = BodyOf<paths['/api/v1/billing/coupons']['post']>;
export type LedgerBalances = Json<paths['/api/v1/billing/ledger/balances']['get']['responses'][200]>;
export type Earnings = Json<paths['/api/v1/billing/earnings']['get']['responses'][200]>;
export type Refund = Json<paths['/api/v1/billing/orders/{orderId}/refunds']['get']['responses'][200]>['items'][number];
export type RefundStatus = Refund['status'];
export type Payout = Json<paths['/api/v1/billing/payouts/{payoutId}']['get']['responses'][200]>['payout'];
export type PayoutStatus = Payout['status'];
export type PayoutPage = Json<paths['/api/v1/billing/payouts']['get']['responses'][200]>;
export type PayoutStatement = Json<paths['/api/v1/billing/payouts/{payoutId}']['get']['responses'][200]>;
export type PayoutSettings = Json<paths['/api/v1/billing/payout-settings']['get']['responses'][200]>;
export type PayoutRun = Json<paths['/api/v1/billing/payouts/run']['post']['responses'][200]>;
export type ReportSummary = Json<paths['/api/v1/billing/reports/summary']['get']['responses'][200]>;
export type ReportRow = ReportSummary['rows'][number];
export type ProviderInfo = Json<paths['/api/v1/billing/provider']['get']['responses'][200]>;
/** A report's period: `from` included, `to` excluded, both ISO date-times. */
export interface ReportPeriod { from: string; to: string }

/** Roles that may buy (`billing.buy`): everyone of a tenant. */
export const BUYER_ROLES = ['student', 'instructor', 'tutor', 'tenant_admin'];

/** A fresh key for one click on a money-moving button: the API charges once per key, however often it is sent. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** `next` with the product's title of `before` when the API's answer to a change leaves it out. */
export function keepTitle(next: Order, before: Order | null): Order {
  return next.productTitle === null && before ? { ...next, productTitle: before.productTitle } : next;
}

/** The order paying for an enrollment; 404 until billing has opened it, a moment after the enrollment. */
export function fetchOrderOfEnrollment(enrollmentId: string): Promise<Order> {
  return unwrap(api.GET('/api/v1/billing/enrollments/{enrollmentId}/order', { params: { path: { enrollmentId } } }));
}

/** Which card processor payments go through, and whether it is in test mode (test cards work, real ones do not). */
export function fetchProviderInfo(): Promise<ProviderInfo> {
  return unwrap(api.GET('/api/v1/billing/provider'));
}

export function fetchOrder(orderId: string): Promise<Order> {
  return unwrap(api.GET('/api/v1/billing/orders/{orderId}', { params: { path: { orderId } } }));
}

export function payOrder(orderId: string, key: string, body: { paymentMethod: string; couponCode?: string }): Promise<Order> {
  return unwrap(api.POST('/api/v1/billing/orders/{orderId}/pay', { params: { path: { orderId } }, headers: { 'idempotency-key': key }, body }));
}

export function confirmOrder(orderId: string, key: string, response: string): Promise<Order> {
  return unwrap(api.POST('/api/v1/billing/orders/{orderId}/confirm', { params: { path: { orderId } }, headers: { 'idempotency-key': key }, body: { response } }));
}

/** The signed-in person's orders, newest first. */
export function fetchMyOrders(cursor: string | undefined, limit = 20): Promise<OrderPage> {
  return unwrap(api.GET('/api/v1/billing/orders', { params: { query: { limit, ...(cursor ? { cursor } : {}) } } }));
}

/** Every order of the tenant (tenant admins), newest first. */
export function fetchTenantOrders(cursor: string | undefined, limit = 25): Promise<OrderPage> {
  return unwrap(api.GET('/api/v1/admin/billing/orders', { params: { query: { limit, ...(cursor ? { cursor } : {}) } } }));
}

export function refundOrder(orderId: string, key: string, body: { amountMinor: number; reason: string }): Promise<Order> {
  return unwrap(api.POST('/api/v1/billing/orders/{orderId}/refunds', { params: { path: { orderId } }, headers: { 'idempotency-key': key }, body }));
}

/** A course's price with its ETag, or null when the course is free (the API answers 404). */
export function fetchCoursePrice(courseId: string): Promise<Versioned<Price> | null> {
  return nullWhenMissing(withEtag(api.GET('/api/v1/billing/courses/{courseId}/price', { params: { path: { courseId } } })));
}

/** A price that may not exist: 404 (no price: free, or not sold on its own) answers null. */
export async function nullWhenMissing<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

/** Sets a course's price; `etag` (of the price read) guards against overwriting someone else's change. */
export function saveCoursePrice(courseId: string, etag: string | null, body: { amountMinor: number; currency: string }): Promise<Versioned<Price>> {
  return withEtag(api.PUT('/api/v1/billing/courses/{courseId}/price', { params: { path: { courseId } }, ...(etag ? { headers: { 'if-match': etag } } : {}), body }));
}

export function fetchBillingSettings(): Promise<Versioned<BillingSettings>> {
  return withEtag(api.GET('/api/v1/billing/settings'));
}

export function saveBillingSettings(etag: string, change: BillingSettingsChange): Promise<Versioned<BillingSettings>> {
  return withEtag(api.PUT('/api/v1/billing/settings', { headers: { 'if-match': etag }, body: change }));
}

export async function fetchCoupons(): Promise<Coupon[]> {
  return (await unwrap(api.GET('/api/v1/billing/coupons', { params: { query: { limit: 100 } } }))).items;
}

export function createCoupon(input: CouponInput): Promise<Coupon> {
  return unwrap(api.POST('/api/v1/billing/coupons', { body: input }));
}

export function withdrawCoupon(code: string): Promise<Coupon> {
  return unwrap(api.POST('/api/v1/billing/coupons/{code}/deactivate', { params: { path: { code } } }));
}

export function fetchLedgerBalances(): Promise<LedgerBalances> {
  return unwrap(api.GET('/api/v1/billing/ledger/balances'));
}

export function fetchEarnings(): Promise<Earnings> {
  return unwrap(api.GET('/api/v1/billing/earnings'));
}

/** The refunds of an order, asked for or made. */
export async function fetchOrderRefunds(orderId: string): Promise<Refund[]> {
  return (await unwrap(api.GET('/api/v1/billing/orders/{orderId}/refunds', { params: { path: { orderId } } }))).items;
}

/** A student asks for the rest of a paid order back; a tenant admin decides (422 after the window, 409 when one waits). */
export function requestRefund(orderId: string, reason: string): Promise<Refund> {
  return unwrap(api.POST('/api/v1/billing/orders/{orderId}/refund-requests', { params: { path: { orderId } }, body: { reason } }));
}

/** The refund requests waiting for a tenant admin's decision, oldest first. */
export async function fetchRequestedRefunds(limit = 100): Promise<Refund[]> {
  return (await unwrap(api.GET('/api/v1/admin/billing/refunds', { params: { query: { status: 'requested', limit } } }))).items;
}

export function approveRefund(refundId: string, key: string): Promise<Refund> {
  return unwrap(api.POST('/api/v1/billing/refunds/{refundId}/approve', { params: { path: { refundId } }, headers: { 'idempotency-key': key } }));
}

export function rejectRefund(refundId: string): Promise<Refund> {
  return unwrap(api.POST('/api/v1/billing/refunds/{refundId}/reject', { params: { path: { refundId } } }));
}

/** The signed-in payee's payouts, newest first. */
export function fetchMyPayouts(cursor: string | undefined, limit = 20): Promise<PayoutPage> {
  return unwrap(api.GET('/api/v1/billing/payouts', { params: { query: { limit, ...(cursor ? { cursor } : {}) } } }));
}

/** Every payout of the tenant (tenant admins), newest first. */
export function fetchTenantPayouts(cursor: string | undefined, limit = 25): Promise<PayoutPage> {
  return unwrap(api.GET('/api/v1/admin/billing/payouts', { params: { query: { limit, ...(cursor ? { cursor } : {}) } } }));
}

/** A payout and the sales and refunds it pays for. */
export function fetchPayoutStatement(payoutId: string): Promise<PayoutStatement> {
  return unwrap(api.GET('/api/v1/billing/payouts/{payoutId}', { params: { path: { payoutId } } }));
}

export function fetchPayoutSettings(): Promise<Versioned<PayoutSettings>> {
  return withEtag(api.GET('/api/v1/billing/payout-settings'));
}

export function savePayoutSettings(etag: string, minimumMinor: number): Promise<Versioned<PayoutSettings>> {
  return withEtag(api.PUT('/api/v1/billing/payout-settings', { headers: { 'if-match': etag }, body: { minimumMinor } }));
}

/** Pays every payee owed at least the tenant's minimum; the same key is the same run, however often sent. */
export function runPayouts(key: string): Promise<PayoutRun> {
  return unwrap(api.POST('/api/v1/billing/payouts/run', { headers: { 'idempotency-key': key }, body: {} }));
}

export function fetchReportSummary(period: ReportPeriod): Promise<ReportSummary> {
  return unwrap(api.GET('/api/v1/billing/reports/summary', { params: { query: period } }));
}

/** The report of `period` as a CSV file, fetched with the bearer token a plain link cannot carry. */
export function downloadReportCsv(period: ReportPeriod, fileName: string): Promise<void> {
  const query = new URLSearchParams({ from: period.from, to: period.to });
  return downloadFile(`/api/v1/billing/reports/summary.csv?${query.toString()}`, fileName);
}
