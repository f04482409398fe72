import { hkdfSync, randomBytes } from 'node:crypto';
import type { ServiceContext } from '@tessera/platform';
import type { NotifyDatabase } from '../db/notify.table.js';
import { storedSigningKey } from '../db/signing-key.repository.js';

const STORED_KEY_ID = 'unsubscribe-v1';
const keys = new WeakMap<object, Promise<Buffer>>();

/**
 * The key that signs unsubscribe links: derived from TESSERA_SECRET_KEY when set, else a random key created
 * once in the database, so embedded mode needs no setup and every process signs alike.
 */
export function unsubscribeKey(deps: Pick<ServiceContext, 'db' | 'config'>): Promise<Buffer> {
  let key = keys.get(deps.db);
  if (!key) {
    key = loadKey(deps);
    key.catch(() => keys.delete(deps.db));
    keys.set(deps.db, key);
  }
  return key;
}

async function loadKey(deps: Pick<ServiceContext, 'db' | 'config'>): Promise<Buffer> {
  const configured = deps.config.TESSERA_SECRET_KEY;
  if (configured) return Buffer.from(hkdfSync('sha256', configured, 'tessera-notify', STORED_KEY_ID, 32));
  const stored = await deps.db.withSystem<NotifyDatabase, string>((tx) => storedSigningKey(tx, STORED_KEY_ID, randomBytes(32).toString('base64url')));
  return Buffer.from(stored, 'base64url');
}
