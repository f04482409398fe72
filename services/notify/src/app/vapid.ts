import type { ServiceContext } from '@tessera/platform';
import webpush from 'web-push';
import type { NotifyDatabase } from '../db/notify.table.js';
import { storedSigningKey } from '../db/signing-key.repository.js';

const STORED_KEY_ID = 'vapid-v1';
const keys = new WeakMap<object, Promise<Vapid>>();

/** The server's VAPID identity: the key pair that signs each push and who push services may contact. */
export interface Vapid {
  /** Uncompressed P-256 point, base64url: the `applicationServerKey` browsers subscribe with. */
  publicKey: string;
  privateKey: string;
  subject: string;
}

type VapidDeps = Pick<ServiceContext, 'db' | 'config'>;

/**
 * The VAPID keys: from VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY when set, else a pair generated once and kept in the
 * database, so embedded mode needs no setup and every process signs alike (browsers subscribed with the public
 * key; another key would make every subscription useless). Read it outside transactions.
 */
export function vapidKeys(deps: VapidDeps): Promise<Vapid> {
  let vapid = keys.get(deps.db);
  if (!vapid) {
    vapid = loadKeys(deps);
    vapid.catch(() => keys.delete(deps.db));
    keys.set(deps.db, vapid);
  }
  return vapid;
}

async function loadKeys(deps: VapidDeps): Promise<Vapid> {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = deps.config;
  if (publicKey && privateKey) return { publicKey, privateKey, subject };
  if (publicKey || privateKey) throw new Error('Invalid configuration: set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither');
  const fresh = JSON.stringify(webpush.generateVAPIDKeys());
  const stored = await deps.db.withSystem<NotifyDatabase, string>((tx) => storedSigningKey(tx, STORED_KEY_ID, fresh));
  const pair = JSON.parse(stored) as { publicKey: string; privateKey: string };
  return { publicKey: pair.publicKey, privateKey: pair.privateKey, subject };
}
