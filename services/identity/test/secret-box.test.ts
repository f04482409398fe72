import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveSecretKey, newSecretKey, SecretBox, SecretBoxError } from '../src/domain/secret-box.js';

const box = new SecretBox(deriveSecretKey('a configured secret key of enough length'));

/** `sealed` with one byte of part `index` (1 iv, 2 tag, 3 ciphertext) flipped. */
function flipped(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('secret box (AES-256-GCM)', () => {
  it('opens what it sealed, in a versioned form that shows nothing of the secret', () => {
    for (const secret of ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'a client secret with spaces', 'ünïcødé ✓', '']) {
      const sealed = box.seal(secret);
      expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]*$/);
      if (secret) expect(sealed).not.toContain(secret);
      expect(box.open(sealed)).toBe(secret);
    }
  });

  it('seals the same secret differently each time (fresh IV)', () => {
    const one = box.seal('same secret');
    const two = box.seal('same secret');
    expect(one).not.toBe(two);
    expect([box.open(one), box.open(two)]).toEqual(['same secret', 'same secret']);
  });

  it('detects tampering: a flipped byte in the IV, tag or ciphertext fails to open', () => {
    const sealed = box.seal('do not change me');
    for (const part of [1, 2, 3]) expect(() => box.open(flipped(sealed, part))).toThrow(SecretBoxError);
  });

  it('refuses a value sealed under another key', () => {
    const sealed = box.seal('for the first key only');
    expect(() => new SecretBox(deriveSecretKey('another configured secret key, also long')).open(sealed)).toThrow(SecretBoxError);
    expect(() => new SecretBox(Buffer.from(newSecretKey(), 'base64url')).open(sealed)).toThrow(SecretBoxError);
  });

  it('refuses malformed values: plaintext, other versions, truncated or extra parts', () => {
    const sealed = box.seal('x');
    const [, iv, tag, ciphertext] = sealed.split('.');
    for (const bad of ['plain secret', '', `v2.${iv}.${tag}.${ciphertext}`, `v1.${iv}.${tag}`, `${sealed}.extra`, `v1.${iv}.${tag?.slice(0, 10)}.${ciphertext}`, `v1.${iv}.${tag}.**`]) {
      expect(() => box.open(bad), bad).toThrow(SecretBoxError);
    }
  });

  it('derives the same 32-byte key from the same material, another from other material', () => {
    expect(deriveSecretKey('material that is long enough to use!')).toEqual(deriveSecretKey('material that is long enough to use!'));
    expect(deriveSecretKey('material that is long enough to use!')).not.toEqual(deriveSecretKey('material that is long enough to use?'));
    expect(deriveSecretKey('x'.repeat(32))).toHaveLength(32);
    expect(() => new SecretBox(randomBytes(16))).toThrow();
  });
});
