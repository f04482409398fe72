import type { Preferences, PreferencesInput } from '../contract/schemas.js';
import type { NotifyDatabase } from '../db/notify.table.js';
import { findPreferences, savePreferences } from '../db/preference.repository.js';
import { applyChange, defaultPreferences, isKnownTimeZone } from '../domain/preferences.js';
import type { NotifyDeps } from './deps.js';
import { notifyErrors } from './errors.js';
import type { Reader } from './notifications.js';

export async function preferencesOf(deps: NotifyDeps, reader: Reader): Promise<Preferences> {
  return deps.db.withTenant<NotifyDatabase, Preferences>(reader.tenantId, async (tx) =>
    (await findPreferences(tx, reader.tenantId, reader.userId)) ?? defaultPreferences());
}

/** Changes the reader's preferences if they still are at `expectedVersion` (If-Match). */
export async function changePreferences(deps: NotifyDeps, reader: Reader, expectedVersion: number, input: PreferencesInput): Promise<Preferences> {
  if (input.timeZone !== undefined && !isKnownTimeZone(input.timeZone)) throw notifyErrors.unknownTimeZone(input.timeZone);
  return deps.db.withTenant<NotifyDatabase, Preferences>(reader.tenantId, async (tx) => {
    const stored = await findPreferences(tx, reader.tenantId, reader.userId, true);
    const current = stored ?? defaultPreferences();
    if (current.version !== expectedVersion) throw notifyErrors.stalePreferences(current.version);
    const changed = applyChange(current, input);
    if (!await savePreferences(tx, reader.tenantId, reader.userId, changed, stored === undefined)) throw notifyErrors.stalePreferences(current.version + 1);
    return changed;
  });
}
