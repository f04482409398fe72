import type { ColumnType, Generated } from 'kysely';
import type { OrderStatus, ProductKind } from '../contract/schemas.js';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export interface SettingsTable {
  tenant_id: string;
  currency: string;
  commission_bp: number;
  tax_rate_bp: number;
  refund_window_days: number;
  version: number;
  updated_at: Generated<Date>;
}

export interface PricesTable {
  tenant_id: string;
  id: string;
  product_kind: ProductKind;
  product_id: string;
  amount_minor: number;
  currency: string;
  payee_id: string | null;
  version: number;
  created_at: CreatedAt;
  updated_at: Date;
}

export interface CouponsTable {
  tenant_id: string;
  code: string;
  kind: 'percent' | 'fixed';
  percent_bp: number | null;
  amount_minor: number | null;
  currency: string | null;
  expires_at: Date | null;
  max_redemptions: number | null;
  redemptions: Generated<number>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface CoursesTable {
  tenant_id: string;
  course_id: string;
  title: string;
  published_by: string | null;
}

export interface LessonsTable {
  tenant_id: string;
  lesson_id: string;
  course_id: string;
  title: string;
  ordinal: number;
  on_sale: Generated<boolean>;
}

export interface EnrollmentsTable {
  tenant_id: string;
  enrollment_id: string;
  user_id: string;
  course_id: string;
  price_ref: string | null;
  status: string;
}

export interface OrdersTable {
  tenant_id: string;
  id: string;
  user_id: string;
  enrollment_id: string | null;
  product_kind: ProductKind;
  product_id: string;
  price_id: string;
  payee_id: string | null;
  currency: string;
  subtotal_minor: number;
  discount_minor: number;
  net_minor: number;
  tax_minor: number;
  total_minor: number;
  commission_minor: number;
  payee_minor: number;
  coupon_code: string | null;
  status: OrderStatus;
  provider: string | null;
  payment_ref: string | null;
  attempt: Generated<number>;
  challenge: string | null;
  failure_code: string | null;
  failure_message: string | null;
  refunded_minor: Generated<number>;
  paid_at: Date | null;
  expires_at: Date;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Date;
}

export interface LedgerEntriesTable {
  tenant_id: string;
  id: string;
  kind: 'charge' | 'refund' | 'payout' | 'fee' | 'chargeback';
  memo: string;
  order_id: string | null;
  source_key: string;
  created_at: CreatedAt;
}

export interface LedgerPostingsTable {
  tenant_id: string;
  entry_id: string;
  seq: number;
  account: string;
  currency: string;
  amount_minor: number;
  created_at: CreatedAt;
}

export interface WebhookEventsTable {
  tenant_id: string;
  provider: string;
  event_id: string;
  type: string;
  payment_ref: string;
  received_at: CreatedAt;
}

export interface RefundsTable {
  tenant_id: string;
  id: string;
  order_id: string;
  refund_key: string;
  amount_minor: number;
  reason: string;
  status: 'requested' | 'pending' | 'succeeded' | 'failed' | 'rejected';
  requested_by: string | null;
  decided_by: string | null;
  provider_ref: string | null;
  created_at: CreatedAt;
  updated_at: Date;
}

export interface BillingDatabase {
  'billing.refunds': RefundsTable;
  'billing.settings': SettingsTable;
  'billing.prices': PricesTable;
  'billing.coupons': CouponsTable;
  'billing.courses': CoursesTable;
  'billing.lessons': LessonsTable;
  'billing.enrollments': EnrollmentsTable;
  'billing.orders': OrdersTable;
  'billing.ledger_entries': LedgerEntriesTable;
  'billing.ledger_postings': LedgerPostingsTable;
  'billing.webhook_events': WebhookEventsTable;
}
