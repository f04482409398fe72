import type { Category } from '../contract/schemas.js';
import type { NotifyDatabase } from '../db/notify.table.js';
import { findPreferences, savePreferences } from '../db/preference.repository.js';
import { applyChange, defaultPreferences } from '../domain/preferences.js';
import { verifyUnsubscribe } from '../domain/unsubscribe-token.js';
import type { NotifyDeps } from './deps.js';
import { notifyErrors } from './errors.js';
import { unsubscribeKey } from './signing-key.js';

/**
 * One-click unsubscribe (RFC 8058): the signed token names the tenant, the user and the category; the user's
 * email for that category is switched off. Repeating it changes nothing; a forged or altered token is refused.
 */
export async function unsubscribe(deps: NotifyDeps, token: string): Promise<{ category: Category; email: false }> {
  const claim = verifyUnsubscribe(await unsubscribeKey(deps), token);
  if (!claim) throw notifyErrors.badUnsubscribeLink();
  const { tenantId, userId, category } = claim;
  await deps.db.withTenant<NotifyDatabase, void>(tenantId, async (tx) => {
    const stored = await findPreferences(tx, tenantId, userId, true);
    const current = stored ?? defaultPreferences();
    if (!current.categories[category].email) return;
    const changed = applyChange(current, { categories: { [category]: { email: false } } });
    if (!await savePreferences(tx, tenantId, userId, changed, stored === undefined)) throw notifyErrors.stalePreferences(changed.version);
  });
  return { category, email: false };
}
