import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 as authenticator apps implement it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
/** How many recovery codes a user holds at a time. */
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_CODE_LENGTH = 16;
// No 0/o, 1/l/i: read off paper and typed by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A new TOTP secret (20 random bytes, base32), as authenticator apps expect it. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The `otpauth://` URI an authenticator app scans; a colon would split issuer from label, so none is kept. */
export function totpUri(input: { issuer: string; account: string; secret: string }): string {
  return generateURI({ issuer: withoutColons(input.issuer), label: withoutColons(input.account), secret: input.secret, period: PERIOD_SECONDS });
}

export function withoutColons(text: string): string {
  return text.replaceAll(':', ' ').trim();
}

/**
 * The time step a 6-digit `code` is valid for at `nowMs`, one step of clock drift either way, and only if it
 * is later than `lastStep` (the step last accepted): a code, once used, never works again. Undefined otherwise.
 */
export async function acceptedTotpStep(secret: string, code: string, lastStep: number, nowMs: number): Promise<number | undefined> {
  if (!/^[0-9]{6}$/.test(code)) return undefined;
  const result = await verify({
    secret,
    token: code,
    period: PERIOD_SECONDS,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: PERIOD_SECONDS,
    afterTimeStep: lastStep,
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** A set of fresh recovery codes as shown to the user: `xxxx-xxxx-xxxx-xxxx`, about 79 bits each. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: RECOVERY_CODE_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return chars.match(/.{4}/g)?.join('-') ?? chars;
  });
}

/**
 * The stored hash of a recovery code, whatever case or grouping it was typed in. The codes have too much
 * entropy to guess, so SHA-256 suffices; the user id in the input keeps equal codes of two users apart.
 */
export function recoveryCodeHash(userId: string, code: string): string {
  const normalized = code.toLowerCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(`${userId}:${normalized}`).digest('hex');
}
