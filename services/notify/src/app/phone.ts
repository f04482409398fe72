import { createHash, hkdfSync, randomUUID } from 'node:crypto';
import { RateLimiter } from '@tessera/platform';
import type { NotifyDatabase } from '../db/notify.table.js';
import { codesSentSince, deletePhone, findPhone, markPhoneVerified, recordWrongCode, savePendingPhone } from '../db/phone.repository.js';
import { CODE_TTL_MS, hashPhoneCode, MAX_CODE_ATTEMPTS, MAX_CODES_PER_HOUR, newPhoneCode, samePhoneCodeHash } from '../domain/phone-code.js';
import { PermanentSendError } from './channels.js';
import type { NotifyDeps } from './deps.js';
import { phoneErrors } from './phone-errors.js';
import { unsubscribeKey } from './signing-key.js';
import { smsProviderOf } from './sms/select-provider.js';

/** The signed-in user, whose number it is. */
export interface PhoneOwner { tenantId: string; userId: string }
/** A user's number as they see it. */
export interface PhoneView { phone: string; verified: boolean }

const HOUR_MS = 3_600_000;
const numberLimiters = new WeakMap<object, RateLimiter>();

export async function phoneOf(deps: NotifyDeps, owner: PhoneOwner): Promise<PhoneView> {
  const record = await deps.db.withTenant<NotifyDatabase, Awaited<ReturnType<typeof findPhone>>>(owner.tenantId, (tx) => findPhone(tx, owner.tenantId, owner.userId));
  if (!record) throw phoneErrors.notFound();
  return { phone: record.phone, verified: record.verifiedAt !== null };
}

/**
 * Sets the user's number, unverified, and texts it a 6-digit code. At most 5 codes an hour go to one user
 * and to one number (whoever asks: nobody may flood a stranger's phone); SMS stop until the code is entered.
 */
export async function changePhone(deps: NotifyDeps, owner: PhoneOwner, phone: string): Promise<PhoneView> {
  const provider = smsProviderOf(deps);
  if (!provider) throw phoneErrors.smsUnavailable();
  const key = await phoneCodeKey(deps);
  const code = newPhoneCode();
  const now = new Date();
  // The number's count is in the cache, across tenants (hashed: no phone numbers in cache keys).
  const perNumber = await numberLimiter(deps).consume(createHash('sha256').update(phone).digest('base64url'), MAX_CODES_PER_HOUR, HOUR_MS);
  if (!perNumber.allowed) throw phoneErrors.tooManyCodes(Math.max(1, Math.ceil(perNumber.resetMs / 1000)));
  const limited = await deps.db.withTenant<NotifyDatabase, number>(owner.tenantId, async (tx) => {
    const recent = await codesSentSince(tx, owner.tenantId, owner.userId, new Date(now.getTime() - HOUR_MS));
    if (recent.count >= MAX_CODES_PER_HOUR) return Math.max(1, Math.ceil(((recent.oldest?.getTime() ?? now.getTime()) + HOUR_MS - now.getTime()) / 1000));
    await savePendingPhone(tx, owner.tenantId, owner.userId, {
      phone, codeHash: hashPhoneCode(key, { ...owner, phone }, code), codeExpiresAt: new Date(now.getTime() + CODE_TTL_MS),
      sentAt: now, forgetBefore: new Date(now.getTime() - HOUR_MS),
    });
    return 0;
  });
  if (limited > 0) throw phoneErrors.tooManyCodes(limited);
  try {
    await provider.send({ to: phone, body: `${code} is your Tessera verification code. It expires in 10 minutes.`, reference: randomUUID() });
  } catch (error) {
    if (error instanceof PermanentSendError) throw phoneErrors.numberRefused(error.message);
    deps.logger.warn({ err: error }, 'could not send a phone verification code');
    throw phoneErrors.providerUnavailable();
  }
  return { phone, verified: false };
}

type Verification = { outcome: 'verified'; phone: string } | { outcome: 'none' | 'expired' | 'missing' } | { outcome: 'wrong'; triesLeft: number };

/**
 * Verifies the user's number with the code sent to it. Each wrong code counts; the fifth voids the code, as
 * does its expiry. The counting is committed before the wrong code is reported.
 */
export async function verifyPhone(deps: NotifyDeps, owner: PhoneOwner, code: string): Promise<PhoneView> {
  const key = await phoneCodeKey(deps);
  const now = new Date();
  const result = await deps.db.withTenant<NotifyDatabase, Verification>(owner.tenantId, async (tx): Promise<Verification> => {
    const record = await findPhone(tx, owner.tenantId, owner.userId, true);
    if (!record) return { outcome: 'missing' };
    if (!record.codeHash || !record.codeExpiresAt || record.codeAttempts >= MAX_CODE_ATTEMPTS) return { outcome: 'none' };
    if (record.codeExpiresAt.getTime() <= now.getTime()) return { outcome: 'expired' };
    if (!samePhoneCodeHash(record.codeHash, hashPhoneCode(key, { ...owner, phone: record.phone }, code))) {
      const triesLeft = MAX_CODE_ATTEMPTS - record.codeAttempts - 1;
      await recordWrongCode(tx, owner.tenantId, owner.userId, triesLeft <= 0);
      return { outcome: 'wrong', triesLeft };
    }
    await markPhoneVerified(tx, owner.tenantId, owner.userId, now);
    return { outcome: 'verified', phone: record.phone };
  });
  switch (result.outcome) {
    case 'verified': return { phone: result.phone, verified: true };
    case 'missing': throw phoneErrors.notFound();
    case 'none': throw phoneErrors.noCodePending();
    case 'expired': throw phoneErrors.codeExpired();
    case 'wrong': throw phoneErrors.wrongCode(Math.max(0, result.triesLeft));
  }
}

/** Forgets the user's number (none: nothing to do); SMS to them stop. */
export async function removePhone(deps: NotifyDeps, owner: PhoneOwner): Promise<void> {
  await deps.db.withTenant<NotifyDatabase, void>(owner.tenantId, (tx) => deletePhone(tx, owner.tenantId, owner.userId));
}

// Its own key, derived from the one that signs unsubscribe links: a code hash never doubles as a link signature.
async function phoneCodeKey(deps: NotifyDeps): Promise<Buffer> {
  return Buffer.from(hkdfSync('sha256', await unsubscribeKey(deps), 'tessera-notify', 'phone-code-v1', 32));
}

function numberLimiter(deps: Pick<NotifyDeps, 'cache'>): RateLimiter {
  let limiter = numberLimiters.get(deps.cache);
  if (!limiter) {
    limiter = new RateLimiter(deps.cache, { keyPrefix: 'notify:sms-codes:' });
    numberLimiters.set(deps.cache, limiter);
  }
  return limiter;
}
