import { Type, type Static } from '@sinclair/typebox';

/** Events the billing service publishes (`tessera.<name>` on the bus). */
export const BillingEvents = {
  /** The order's payment is captured: enrollment activates `enrollmentId`; notify sends the receipt. */
  paymentCaptured: 'billing.payment.captured',
  /** The payment was declined, failed authentication, or the order was cancelled before capture: enrollment releases the seat. */
  paymentFailed: 'billing.payment.failed',
  refundIssued: 'billing.refund.issued',
} as const;

/** Payload of `billing.payment.*` events (subject: the order id). */
export interface PaymentEventData {
  orderId: string;
  userId: string;
  enrollmentId: string | null;
  productKind: 'course' | 'lesson';
  productId: string;
  totalMinor: number;
  currency: string;
  /** `payment.failed` only: why, as the provider said (card_declined, insufficient_funds, ...) or `timeout`. */
  reason?: string;
}

/** Payload of `billing.refund.issued` (subject: the order id). */
export interface RefundIssuedData {
  orderId: string;
  userId: string;
  enrollmentId: string | null;
  refundId: string;
  amountMinor: number;
  currency: string;
  /** True when the whole order is now refunded (enrollment ends access). */
  full: boolean;
}

// A pattern, not `format: 'uuid'`: payloads are checked with TypeBox's Value, which knows no formats.
const Uuid = Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });

/** What billing reads of `enrollment.enrollment.*` events (a tolerant reader). */
export const EnrollmentSeen = Type.Object({
  enrollmentId: Uuid,
  courseId: Uuid,
  userId: Uuid,
  status: Type.String({ minLength: 1 }),
  priceRef: Type.Union([Type.String(), Type.Null()]),
});
export type EnrollmentSeen = Static<typeof EnrollmentSeen>;

/** What billing reads of `catalog.course.published`: the title for receipts, who may price it, its lessons (sold one by one). */
export const CoursePublishedSeen = Type.Object({
  courseId: Uuid,
  title: Type.String(),
  publishedBy: Type.Union([Uuid, Type.Null()]),
  modules: Type.Optional(Type.Array(Type.Object({ lessons: Type.Array(Type.Object({ lessonId: Uuid, title: Type.String() })) }))),
});
export type CoursePublishedSeen = Static<typeof CoursePublishedSeen>;
