import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

/** The largest single price or charge, in minor units (a hundred million major units). */
export const MAX_AMOUNT_MINOR = 10_000_000_000;

export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR' });
export const AmountMinor = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_MINOR, description: 'integer minor units of the currency (cents for EUR, yen for JPY)' });
const BasisPoints = Type.Integer({ minimum: 0, maximum: 10_000, description: 'basis points: 2000 = 20 %' });

export const BillingSettings = Type.Object({
  currency: Currency,
  commissionBp: BasisPoints,
  taxRateBp: BasisPoints,
  refundWindowDays: Type.Integer({ minimum: 0, maximum: 365 }),
  version: Type.Integer({ minimum: 1 }),
});
export type BillingSettings = Static<typeof BillingSettings>;

export const BillingSettingsInput = Type.Partial(Type.Object({
  currency: Currency,
  commissionBp: BasisPoints,
  taxRateBp: BasisPoints,
  refundWindowDays: Type.Integer({ minimum: 0, maximum: 365 }),
}), { additionalProperties: false, minProperties: 1 });
export type BillingSettingsInput = Static<typeof BillingSettingsInput>;

export const ProductKind = Type.Union([Type.Literal('course'), Type.Literal('lesson')]);
export type ProductKind = Static<typeof ProductKind>;

export const Price = Type.Object({
  id: Uuid,
  productKind: ProductKind,
  productId: Uuid,
  amountMinor: AmountMinor,
  currency: Currency,
  payeeId: Nullable(Uuid),
  version: Type.Integer({ minimum: 1 }),
  updatedAt: DateTime,
});
export type Price = Static<typeof Price>;

export const PriceInput = Type.Object({
  amountMinor: AmountMinor,
  currency: Currency,
  payeeId: Type.Optional(Nullable(Uuid)),
}, { additionalProperties: false });
export type PriceInput = Static<typeof PriceInput>;

/** A lesson sold on its own: its price, and whether the caller bought it. */
export const LessonOffer = Type.Object({
  lessonId: Uuid,
  title: Type.String(),
  price: Price,
  owned: Type.Boolean(),
});
export type LessonOffer = Static<typeof LessonOffer>;

export const CouponCode = Type.String({ pattern: '^[A-Za-z0-9_-]{3,40}$', description: '3–40 letters, digits, - or _; case-insensitive' });

export const CouponInput = Type.Object({
  code: CouponCode,
  percentBp: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'percent off in basis points (1500 = 15 %)' })),
  amountMinor: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_MINOR, description: 'fixed amount off' })),
  currency: Type.Optional(Currency),
  expiresAt: Type.Optional(Nullable(DateTime)),
  maxRedemptions: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 }))),
}, { additionalProperties: false });
export type CouponInput = Static<typeof CouponInput>;

export const Coupon = Type.Object({
  code: Type.String(),
  kind: Type.Union([Type.Literal('percent'), Type.Literal('fixed')]),
  percentBp: Nullable(Type.Integer()),
  amountMinor: Nullable(Type.Integer()),
  currency: Nullable(Currency),
  expiresAt: Nullable(DateTime),
  maxRedemptions: Nullable(Type.Integer()),
  redemptions: Type.Integer({ minimum: 0 }),
  active: Type.Boolean(),
});
export type Coupon = Static<typeof Coupon>;

export const OrderStatus = Type.Union([
  Type.Literal('awaiting_payment'), Type.Literal('authorizing'), Type.Literal('requires_action'), Type.Literal('capturing'),
  Type.Literal('paid'), Type.Literal('failed'), Type.Literal('cancelled'), Type.Literal('refunded'), Type.Literal('partially_refunded'), Type.Literal('disputed'),
]);
export type OrderStatus = Static<typeof OrderStatus>;

export const Order = Type.Object({
  id: Uuid,
  userId: Uuid,
  enrollmentId: Nullable(Uuid),
  productKind: ProductKind,
  productId: Uuid,
  productTitle: Nullable(Type.String()),
  currency: Currency,
  subtotalMinor: AmountMinor,
  discountMinor: AmountMinor,
  taxMinor: AmountMinor,
  totalMinor: AmountMinor,
  refundedMinor: AmountMinor,
  couponCode: Nullable(Type.String()),
  status: OrderStatus,
  challenge: Nullable(Type.String({ description: 'requires_action: what the card issuer asks the payer to confirm (3-D Secure)' })),
  failure: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  paidAt: Nullable(DateTime),
  expiresAt: DateTime,
  createdAt: DateTime,
});
export type Order = Static<typeof Order>;

export const PayInput = Type.Object({
  paymentMethod: Type.String({ minLength: 1, maxLength: 64, description: 'a card number for the test provider; a payment method id for Stripe' }),
  couponCode: Type.Optional(CouponCode),
}, { additionalProperties: false });
export type PayInput = Static<typeof PayInput>;

export const ConfirmInput = Type.Object({
  response: Type.String({ minLength: 1, maxLength: 64, description: 'the payer\'s answer to the 3-D Secure challenge' }),
}, { additionalProperties: false });

export const OrderQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
  enrollmentId: Type.Optional(Uuid),
});

export const AccountBalance = Type.Object({
  account: Type.String(),
  currency: Currency,
  balanceMinor: Type.Integer({ description: 'debits minus credits: liabilities and revenue are negative' }),
});
export const LedgerBalances = Type.Object({
  accounts: Type.Array(AccountBalance),
  /** The sum over every account per currency: zero in a consistent ledger. */
  totals: Type.Array(Type.Object({ currency: Currency, sumMinor: Type.Integer() })),
});
export type LedgerBalances = Static<typeof LedgerBalances>;

export const RefundStatus = Type.Union([Type.Literal('requested'), Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed'), Type.Literal('rejected')]);

export const Refund = Type.Object({
  id: Uuid,
  orderId: Uuid,
  amountMinor: AmountMinor,
  reason: Type.String(),
  status: RefundStatus,
  requestedBy: Nullable(Uuid),
  decidedBy: Nullable(Uuid),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type Refund = Static<typeof Refund>;

export const RefundRequestInput = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 500 }),
}, { additionalProperties: false });

export const BillingProvider = Type.Object({
  provider: Type.Union([Type.Literal('test'), Type.Literal('stripe')], { description: 'the card processor payments go through' }),
  testMode: Type.Boolean({ description: 'no real money moves (the built-in test processor, or a Stripe test key): test cards work, real ones do not' }),
});
export type BillingProvider = Static<typeof BillingProvider>;
