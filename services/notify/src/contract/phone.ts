import { Type, type Static } from '@sinclair/typebox';

const E164 = '^\\+[1-9][0-9]{6,14}$';

/** The signed-in user's number for SMS notifications: SMS go to it once verified. */
export const Phone = Type.Object({
  phone: Type.String({ pattern: E164, description: 'E.164, e.g. +33612345678' }),
  verified: Type.Boolean({ description: 'the code sent to it was entered; only then do SMS go there' }),
});
export type Phone = Static<typeof Phone>;

/** Body of `PUT /notifications/phone`. */
export const PhoneInput = Type.Object({
  phone: Type.String({ pattern: E164, description: 'E.164: +, the country code, the number; no spaces' }),
}, { additionalProperties: false });

/** Body of `POST /notifications/phone/verify`. */
export const PhoneCodeInput = Type.Object({
  code: Type.String({ pattern: '^[0-9]{6}$', description: 'the 6 digits texted to the number' }),
}, { additionalProperties: false });
