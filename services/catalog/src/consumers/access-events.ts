import { Type, type Static } from '@sinclair/typebox';

// Catalog cannot import enrollment's or billing's contracts (both import catalog's: a cycle), so it names the
// events it reads here and reads their payloads as tolerant readers: other fields are ignored, so their owners
// can add fields without breaking catalog.

/** Events of enrollment (owner: services/enrollment, `EnrollmentEvents`) that open or close a whole course. */
export const EnrollmentAccessEvents = {
  activated: 'enrollment.enrollment.activated',
  completed: 'enrollment.enrollment.completed',
  cancelled: 'enrollment.enrollment.cancelled',
  expired: 'enrollment.enrollment.expired',
} as const;

/** Events of billing (owner: services/billing, `BillingEvents`) that open or close a bought lesson. */
export const PurchaseAccessEvents = {
  paymentCaptured: 'billing.payment.captured',
  /** Also how billing announces a chargeback (`full: true`). */
  refundIssued: 'billing.refund.issued',
} as const;

// A pattern, not `format: 'uuid'`: payloads are checked with TypeBox's Value, which knows no formats.
const Uuid = Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });

/** What catalog reads of `enrollment.enrollment.*`. */
export const EnrollmentSeen = Type.Object({ enrollmentId: Uuid, courseId: Uuid, userId: Uuid });
export type EnrollmentSeen = Static<typeof EnrollmentSeen>;

/** What catalog reads of `billing.payment.captured`: for a lesson, `productId` is the lesson's id. */
export const PaymentCapturedSeen = Type.Object({ orderId: Uuid, userId: Uuid, productKind: Type.String(), productId: Uuid });
export type PaymentCapturedSeen = Static<typeof PaymentCapturedSeen>;

/** What catalog reads of `billing.refund.issued`. */
export const RefundIssuedSeen = Type.Object({ orderId: Uuid, userId: Uuid, full: Type.Boolean() });
export type RefundIssuedSeen = Static<typeof RefundIssuedSeen>;
