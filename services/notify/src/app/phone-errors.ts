import { AppError } from '@tessera/platform';

/** Errors of the phone number routes and Twilio's status callback, with stable codes. */
export const phoneErrors = {
  notFound: () => new AppError('not_found', 'NOTIFY.PHONE_NOT_FOUND', 'You have no phone number for notifications'),
  smsUnavailable: () => new AppError('unprocessable', 'NOTIFY.SMS_UNAVAILABLE', 'This platform sends no SMS, so no phone number can be added'),
  tooManyCodes: (retryAfter: number) =>
    new AppError('rate_limited', 'NOTIFY.PHONE_TOO_MANY_CODES', `At most 5 codes an hour can be sent; try again in ${Math.ceil(retryAfter / 60)} minutes`, { retryAfter }),
  numberRefused: (reason: string) => new AppError('unprocessable', 'NOTIFY.PHONE_REFUSED', `No SMS can be sent to this number (${reason})`, {
    errors: [{ pointer: '/body/phone', detail: 'must be a mobile number that accepts SMS' }],
  }),
  providerUnavailable: () => new AppError('unavailable', 'NOTIFY.SMS_PROVIDER_UNAVAILABLE', 'The code could not be sent right now; try again in a minute', { retryAfter: 60 }),
  noCodePending: () => new AppError('unprocessable', 'NOTIFY.PHONE_NO_CODE', 'No code is waiting for your number: ask for a new one'),
  codeExpired: () => new AppError('unprocessable', 'NOTIFY.PHONE_CODE_EXPIRED', 'This code has expired: ask for a new one'),
  wrongCode: (triesLeft: number) => new AppError('unprocessable', 'NOTIFY.PHONE_CODE_WRONG',
    triesLeft > 0 ? `Wrong code; ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left` : 'Wrong code; it is now void: ask for a new one', { triesLeft }),
  badSignature: () => new AppError('forbidden', 'NOTIFY.SMS_SIGNATURE_INVALID', 'The X-Twilio-Signature of this request is missing or wrong'),
} as const;
