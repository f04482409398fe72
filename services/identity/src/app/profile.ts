import { AppError, type Principal } from '@tessera/platform';
import type { Preferences, User } from '../contract/schemas.js';
import type { IdentityDatabase, UserRow } from '../db/identity.table.js';
import { findUserById, hasConfirmedTotp, toUser, updateUser } from '../db/user.repository.js';
import { cleanName } from '../domain/email.js';
import type { IdentityDeps } from './deps.js';

/** Stored preferences stay small: they travel with every profile read. */
const MAX_PREFERENCES_BYTES = 4096;
const MAX_NOTIFICATION_TOPICS = 20;
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** The principal of a person; API keys act for the tenant, not for a user, and have no account of their own. */
export function userPrincipal(principal: Principal): Principal {
  if (principal.kind !== 'user') throw new AppError('forbidden', 'IDENTITY.USER_ONLY', 'Only a signed-in person has an account; API keys cannot use this route');
  return principal;
}

/** The signed-in user's row; 404 if it is gone (the token outlived the account). */
export async function ownUserRow(deps: IdentityDeps, principal: Principal): Promise<UserRow> {
  const row = await deps.db.withTenant<IdentityDatabase, UserRow | undefined>(principal.tenantId, (tx) => findUserById(tx, principal.tenantId, principal.subject));
  if (!row) throw notFound();
  return row;
}

/** The signed-in user's profile. */
export async function ownProfile(deps: IdentityDeps, principal: Principal): Promise<User> {
  const user = userPrincipal(principal);
  return deps.db.withTenant<IdentityDatabase, User>(user.tenantId, async (tx) => {
    const row = await findUserById(tx, user.tenantId, user.subject);
    if (!row) throw notFound();
    return toUser(row, await hasConfirmedTotp(tx, user.tenantId, user.subject));
  });
}

export interface ProfileChanges {
  name?: string | undefined;
  locale?: string | undefined;
  timeZone?: string | undefined;
  preferences?: Preferences | undefined;
}

/** Changes the user's own name, locale, time zone or preferences (merged key by key) at `expectedVersion`. */
export async function updateOwnProfile(deps: IdentityDeps, principal: Principal, changes: ProfileChanges, expectedVersion: number): Promise<User> {
  const user = userPrincipal(principal);
  const name = changes.name === undefined ? undefined : cleanName(changes.name);
  if (name === '') throw invalid('IDENTITY.INVALID_NAME', 'The name is empty', '/body/name', 'must contain visible characters');
  const locale = changes.locale === undefined ? undefined : validLocale(changes.locale);
  const timeZone = changes.timeZone === undefined ? undefined : validTimeZone(changes.timeZone);
  return deps.db.withTenant<IdentityDatabase, User>(user.tenantId, async (tx) => {
    const current = await findUserById(tx, user.tenantId, user.subject);
    if (!current) throw notFound();
    if (current.version !== expectedVersion) throw stale(current.version, expectedVersion);
    const preferences = changes.preferences === undefined ? undefined : mergedPreferences(current.preferences, changes.preferences);
    const updated = await updateUser(tx, user.tenantId, user.subject, {
      ...(name !== undefined ? { name } : {}),
      ...(locale !== undefined ? { locale } : {}),
      ...(timeZone !== undefined ? { time_zone: timeZone } : {}),
      ...(preferences !== undefined ? { preferences: JSON.stringify(preferences) } : {}),
    }, expectedVersion);
    if (!updated) throw stale(current.version, expectedVersion);
    return toUser(updated, await hasConfirmedTotp(tx, user.tenantId, user.subject));
  });
}

/** The IANA zone in its canonical spelling (`europe/berlin` → `Europe/Berlin`), or 400. */
export function validTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw invalid('IDENTITY.INVALID_TIME_ZONE', `"${zone}" is not an IANA time zone`, '/body/timeZone', 'must be an IANA time zone such as Europe/Berlin');
  }
}

/** A locale whose language (and region, if given) is known, or 400. */
export function validLocale(locale: string): string {
  let known: string | undefined;
  try {
    known = languageNames.of(locale);
  } catch {
    known = undefined;
  }
  if (!known) throw invalid('IDENTITY.INVALID_LOCALE', `"${locale}" is not a known locale`, '/body/locale', 'must be a language code, optionally with a region, such as en or de-CH');
  return locale;
}

/** `patch` laid over `stored` object by object, so a client changes one setting without resending the others. */
function mergedPreferences(stored: Record<string, unknown>, patch: Preferences): Record<string, unknown> {
  const merged = mergeDeep(stored, patch as Record<string, unknown>);
  const topics = merged.notifications;
  const tooManyTopics = isPlainObject(topics) && Object.keys(topics).length > MAX_NOTIFICATION_TOPICS;
  if (tooManyTopics || Buffer.byteLength(JSON.stringify(merged)) > MAX_PREFERENCES_BYTES) {
    throw invalid('IDENTITY.PREFERENCES_TOO_LARGE', `Preferences may hold at most ${MAX_NOTIFICATION_TOPICS} notification topics and ${MAX_PREFERENCES_BYTES} bytes`,
      '/body/preferences', 'too large once merged with the stored preferences');
  }
  return merged;
}

function mergeDeep(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype' || value === undefined) continue;
    const current = result[key];
    result[key] = isPlainObject(value) && isPlainObject(current) ? mergeDeep(current, value) : value;
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stale(current: number, expected: number): AppError {
  return new AppError('precondition_failed', 'IDENTITY.USER_VERSION_MISMATCH', `Your profile is at version ${current}, not ${expected}: read it again`);
}

function notFound(): AppError {
  return new AppError('not_found', 'IDENTITY.USER_NOT_FOUND', 'Your account no longer exists');
}

function invalid(code: string, message: string, pointer: string, detail: string): AppError {
  return new AppError('invalid', code, message, { errors: [{ pointer, detail }] });
}
