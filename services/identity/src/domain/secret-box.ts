import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_SALT = 'tessera/secret-box';
const HKDF_INFO = 'aes-256-gcm v1';
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A sealed value that cannot be opened: tampered with, truncated, or sealed under another key. */
export class SecretBoxError extends Error {
  constructor(detail: string) {
    super(`Sealed secret cannot be opened: ${detail}`);
    this.name = 'SecretBoxError';
  }
}

/**
 * A 32-byte key from configured key material (TESSERA_SECRET_KEY). HKDF rather than the raw bytes, so any
 * string of enough entropy works and the key is bound to this one use.
 */
export function deriveSecretKey(material: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(material, 'utf8'), HKDF_SALT, HKDF_INFO, KEY_BYTES));
}

/** A fresh random key, base64url, for storing when no key is configured. */
export function newSecretKey(): string {
  return randomBytes(KEY_BYTES).toString('base64url');
}

/**
 * AES-256-GCM over small secrets (TOTP secrets, OIDC client secrets) before they are stored. The stored form
 * is `v1.<iv>.<tag>.<ciphertext>` in base64url: the version lets a later key or algorithm coexist with it.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`A secret box key has ${KEY_BYTES} bytes, not ${key.length}`);
    this.key = Buffer.from(key);
  }

  seal(plaintext: string): string {
    // A random 96-bit IV per value: with far fewer than 2^32 seals per key, collisions are not a concern.
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'))].join('.');
  }

  /** The plaintext of a value made by `seal` with the same key; throws `SecretBoxError` otherwise. */
  open(sealed: string): string {
    const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
    if (version !== VERSION || rest.length > 0 || iv === undefined || tag === undefined || ciphertext === undefined) {
      throw new SecretBoxError('not a v1 sealed value');
    }
    if (![iv, tag, ciphertext].every((part) => BASE64URL.test(part))) throw new SecretBoxError('not base64url');
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new SecretBoxError('malformed');
    const decipher = createDecipheriv('aes-256-gcm', this.key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tagBytes);
    try {
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('authentication failed (tampered, or sealed under another key)');
    }
  }
}
