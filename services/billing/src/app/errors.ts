import { AppError } from '@tessera/platform';

type FieldError = { pointer: string; detail: string };

/** The billing service's errors, with stable codes. */
export const billingErrors = {
  staleSettings: (current: number) =>
    new AppError('precondition_failed', 'BILLING.SETTINGS_CHANGED', `The billing settings changed meanwhile (now version ${current}): read them again`),
  stalePrice: (current: number) =>
    new AppError('precondition_failed', 'BILLING.PRICE_CHANGED', `The price changed meanwhile (now version ${current}): read it again`),
  unknownCurrency: (pointer: string, code: string) =>
    new AppError('invalid', 'BILLING.CURRENCY_UNKNOWN', `${code} is not an ISO 4217 currency`, { errors: [{ pointer, detail: 'must be an ISO 4217 currency code, e.g. EUR' }] }),
  currencyMismatch: (pointer: string, expected: string, got: string) =>
    new AppError('unprocessable', 'BILLING.CURRENCY_MISMATCH', `The tenant sells in ${expected}, not ${got}`, { errors: [{ pointer, detail: `must be ${expected}` }] }),
  courseNotFound: (courseId: string) => new AppError('not_found', 'BILLING.COURSE_NOT_FOUND', `No published course ${courseId}`),
  lessonNotFound: (lessonId: string) => new AppError('not_found', 'BILLING.LESSON_NOT_FOUND', `No lesson ${lessonId} in a published course`),
  lessonOwned: (lessonId: string, orderId: string) => new AppError('conflict', 'BILLING.LESSON_OWNED', `You bought lesson ${lessonId} already (order ${orderId})`, { orderId }),
  courseOwned: (courseId: string) => new AppError('conflict', 'BILLING.ALREADY_ENROLLED', `You have a place in course ${courseId}: its lessons are yours already`, { courseId }),
  notYourCourse: (courseId: string) => new AppError('forbidden', 'BILLING.NOT_YOUR_COURSE', `Only the instructor who published course ${courseId} or a tenant admin may price it`),
  payeeNotAllowed: () => new AppError('forbidden', 'BILLING.PAYEE_NOT_ALLOWED', 'Instructors are the payee of the prices they set; only tenant admins choose another payee', {
    errors: [{ pointer: '/body/payeeId', detail: 'leave it out, or ask a tenant admin' }],
  }),
  badPayee: () => new AppError('unprocessable', 'BILLING.PAYEE_INVALID', 'The payee must be the course\'s publisher, or null for the tenant to keep the share', {
    errors: [{ pointer: '/body/payeeId', detail: 'must be the course\'s publisher or null' }],
  }),
  priceNotFound: (what: string) => new AppError('not_found', 'BILLING.PRICE_NOT_FOUND', `No price for ${what}`),
  badCoupon: (errors: FieldError[]) => new AppError('invalid', 'BILLING.COUPON_INVALID', 'This is not a coupon that can be made', { errors }),
  couponExists: (code: string) => new AppError('conflict', 'BILLING.COUPON_EXISTS', `There is already a coupon ${code}`),
  couponNotFound: (code: string) => new AppError('not_found', 'BILLING.COUPON_NOT_FOUND', `No coupon ${code}`),
  couponUnusable: (code: string, why: string) => new AppError('unprocessable', 'BILLING.COUPON_UNUSABLE', `Coupon ${code} cannot be used: ${why}`, {
    errors: [{ pointer: '/body/couponCode', detail: why }],
  }),
  orderNotFound: (id: string) => new AppError('not_found', 'BILLING.ORDER_NOT_FOUND', `No order ${id}`),
  orderNotPayable: (id: string, status: string) => new AppError('conflict', 'BILLING.ORDER_NOT_PAYABLE', `Order ${id} is ${status.replace('_', ' ')}: it takes no payment now`, { orderStatus: status }),
  orderExpired: (id: string) => new AppError('conflict', 'BILLING.ORDER_EXPIRED', `Order ${id} expired before it was paid: enroll again to buy`),
  noChallenge: (id: string) => new AppError('conflict', 'BILLING.NO_CHALLENGE', `Order ${id} is not waiting for a 3-D Secure answer`),
  providerUnavailable: () => new AppError('unavailable', 'BILLING.PROVIDER_UNAVAILABLE', 'The payment provider could not be reached; nothing was charged. Try again in a moment'),
  idempotencyKeyRequired: () => new AppError('invalid', 'BILLING.IDEMPOTENCY_KEY_REQUIRED', 'Money-moving requests need an Idempotency-Key header, so a retry never charges twice', {
    errors: [{ pointer: '/headers/idempotency-key', detail: 'is required' }],
  }),
  notRefundable: (id: string, status: string) => new AppError('conflict', 'BILLING.NOT_REFUNDABLE', `Order ${id} is ${status.replace('_', ' ')}: only paid orders are refunded`, { orderStatus: status }),
  refundTooLarge: (leftMinor: number, currency: string) => new AppError('unprocessable', 'BILLING.REFUND_TOO_LARGE', `At most ${leftMinor} (minor units of ${currency}) is left to refund`, {
    errors: [{ pointer: '/body/amountMinor', detail: `must be between 1 and ${leftMinor}` }],
  }),
  refundWindowClosed: (days: number) => new AppError('unprocessable', 'BILLING.REFUND_WINDOW_CLOSED', `Refunds can be asked for within ${days} days of payment; ask the institution directly`),
  refundAlreadyRequested: (id: string) => new AppError('conflict', 'BILLING.REFUND_ALREADY_REQUESTED', `A refund of this order is already waiting for a decision (${id})`),
  refundNotFound: (id: string) => new AppError('not_found', 'BILLING.REFUND_NOT_FOUND', `No refund ${id}`),
  refundDecided: (id: string, status: string) => new AppError('conflict', 'BILLING.REFUND_DECIDED', `Refund ${id} is ${status}: it was decided already`, { refundStatus: status }),
  webhookRejected: (reason: string) => new AppError('invalid', 'BILLING.WEBHOOK_REJECTED', `Webhook refused: ${reason}`),
  payoutNotFound: (id: string) => new AppError('not_found', 'BILLING.PAYOUT_NOT_FOUND', `No payout ${id}`),
  stalePayoutSettings: (current: number) =>
    new AppError('precondition_failed', 'BILLING.PAYOUT_SETTINGS_CHANGED', `The payout settings changed meanwhile (now version ${current}): read them again`),
  badPeriod: (pointer: string, detail: string) => new AppError('unprocessable', 'BILLING.PERIOD_INVALID', `This is not a period a report covers: ${detail}`, { errors: [{ pointer, detail }] }),
} as const;
