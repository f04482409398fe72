import type { ServiceContext } from '@tessera/platform';
import { storedSecretKey } from '../db/secret-key.repository.js';
import { deriveSecretKey, newSecretKey, SecretBox } from '../domain/secret-box.js';

/** The row of `identity.secret_keys` used when no key is configured. */
const STORED_KEY_ID = 'secret-box-v1';

const boxes = new WeakMap<ServiceContext, Promise<SecretBox>>();

/**
 * The secret box of a process. Its key comes from TESSERA_SECRET_KEY; without it, from a random key created
 * once in the database, so embedded mode needs no setup. A key kept beside the data it protects does not
 * survive a stolen backup: production sets TESSERA_SECRET_KEY.
 */
export function secretBoxOf(context: ServiceContext): Promise<SecretBox> {
  let box = boxes.get(context);
  if (!box) {
    box = loadBox(context);
    // A failed load (database down) is retried by the next caller rather than cached.
    box.catch(() => boxes.delete(context));
    boxes.set(context, box);
  }
  return box;
}

async function loadBox(context: ServiceContext): Promise<SecretBox> {
  const configured = context.config.TESSERA_SECRET_KEY;
  if (configured) return new SecretBox(deriveSecretKey(configured));
  const stored = await context.db.withSystem((tx) => storedSecretKey(tx, STORED_KEY_ID, newSecretKey()));
  return new SecretBox(Buffer.from(stored, 'base64url'));
}

/** Seals `secret` for storage. */
export async function sealSecret(context: ServiceContext, secret: string): Promise<string> {
  return (await secretBoxOf(context)).seal(secret);
}

/** Opens a stored secret sealed by `sealSecret`. */
export async function openSecret(context: ServiceContext, sealed: string): Promise<string> {
  return (await secretBoxOf(context)).open(sealed);
}
