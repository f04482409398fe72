import { Type, type Static } from '@sinclair/typebox';
import { GivenPassword, OpaqueToken, TokenPair } from './schemas.js';

/** A code from an authenticator app: exactly six digits. */
export const TotpCode = Type.String({ pattern: '^[0-9]{6}$', description: 'Six digits from the authenticator app' });
/** A recovery code as printed (`xxxx-xxxx-xxxx-xxxx`); case, spaces and hyphens do not matter. */
export const RecoveryCode = Type.String({ minLength: 16, maxLength: 40, pattern: '^[A-Za-z0-9 -]+$' });

/** A TOTP secret waiting for its first code: show the URI as a QR code, or the secret for typing in. */
export const TotpEnrolment = Type.Object({
  secret: Type.String({ description: 'Base32 secret, shown once' }),
  otpauthUri: Type.String({ description: 'otpauth://totp/… URI for a QR code' }),
  issuer: Type.String({ description: 'The name the authenticator app shows' }),
});
export type TotpEnrolment = Static<typeof TotpEnrolment>;

/** Recovery codes, shown once: each works once in place of an authenticator code. */
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

/** A current authenticator code, proving the app is at hand. */
export const CodeBody = Type.Object({ code: TotpCode });

/** Proof that the person at the keyboard owns the account before the second factor is removed. */
export const RemoveMfaBody = Type.Union([Type.Object({ password: GivenPassword }), Type.Object({ code: TotpCode })]);
export type RemoveMfaBody = Static<typeof RemoveMfaBody>;

/** The challenge of a sign-in answered `mfa_setup_required`. */
export const ChallengeBody = Type.Object({ challenge: OpaqueToken });

/** The second step of a sign-in: the challenge with an authenticator code or a recovery code. */
export const VerifyMfaBody = Type.Union([
  Type.Object({ challenge: OpaqueToken, code: TotpCode }),
  Type.Object({ challenge: OpaqueToken, recoveryCode: RecoveryCode }),
]);
export type VerifyMfaBody = Static<typeof VerifyMfaBody>;

/** The challenge with a first code from the app being set up. */
export const ConfirmMfaSetupBody = Type.Object({ challenge: OpaqueToken, code: TotpCode });

/** A sign-in completed by its second factor: the same as sign-in's `signed_in` answer. */
export const MfaSignedIn = Type.Object({ status: Type.Literal('signed_in'), tokens: TokenPair });

/** A sign-in completed by setting up a second factor: tokens, and recovery codes shown once. */
export const MfaSetupSignedIn = Type.Object({
  status: Type.Literal('signed_in'),
  tokens: TokenPair,
  recoveryCodes: Type.Array(Type.String()),
});
