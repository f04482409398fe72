/**
 * A 64-bit hash of a string: two MurmurHash3 x86_32 of its UTF-8 bytes with different seeds, the first the
 * high half, the second the low half. 32-bit integer arithmetic only (Math.imul), so no BigInt and no
 * allocation per call.
 *
 * The hashes are persisted (sketches and exact sets are stored as bytes), so the algorithm, the encoding
 * (UTF-8, a lone surrogate as U+FFFD, as TextEncoder does) and both seeds must never change.
 */

const HIGH_SEED = 0x9747b28c;
const LOW_SEED = 0x5bd1e995;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** UTF-8 bytes of the string being hashed; grows (rarely) for a long input and is reused after. */
let scratch = new Uint8Array(256);
/** The two halves of the last pair computed, for the single-seed entry point. */
const pair = new Uint32Array(2);

/** A 64-bit hash as its two unsigned 32-bit halves. */
export interface Hash64 {
  high: number;
  low: number;
}

/**
 * Hashes `text` into `out`: `out[0]` the high half, `out[1]` the low half. The hot-path form: the caller
 * owns and reuses `out`. An Int32Array gets the same bits as int32, which V8 passes around unboxed
 * (a uint32 of 2^31 or more is a heap number whenever it crosses a call that is not inlined).
 */
export function hash64Into(text: string, out: Uint32Array | Int32Array): void {
  const length = encodeUtf8(text);
  murmurPair(scratch, length, HIGH_SEED, LOW_SEED, out);
}

/** Hashes raw bytes the same way (`hash64IntoBytes(utf8(text))` equals `hash64Into(text)`). */
export function hash64IntoBytes(bytes: Uint8Array, out: Uint32Array | Int32Array): void {
  murmurPair(bytes, bytes.length, HIGH_SEED, LOW_SEED, out);
}

/** The 64-bit hash of `text` as an object (allocates: for tests and cold paths). */
export function hash64(text: string): Hash64 {
  hash64Into(text, pair);
  return { high: pair[0]!, low: pair[1]! };
}

/** Standard MurmurHash3 x86_32 of the UTF-8 bytes of `text`: exported to check against reference vectors. */
export function murmur3x86_32(text: string, seed: number): number {
  const length = encodeUtf8(text);
  murmurPair(scratch, length, seed, seed, pair);
  return pair[0]!;
}

/**
 * MurmurHash3 x86_32 with two seeds in one pass: the block mixing of the key does not depend on the seed,
 * so each block is mixed once and folded into both states.
 */
function murmurPair(bytes: Uint8Array, length: number, seedA: number, seedB: number, out: Uint32Array | Int32Array): void {
  let a = seedA | 0;
  let b = seedB | 0;
  const blocksEnd = length & ~3;
  let i = 0;
  for (; i < blocksEnd; i += 4) {
    const k = mixKey(bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    a = mixState(a, k);
    b = mixState(b, k);
  }
  const remaining = length & 3;
  if (remaining > 0) {
    // The last 1 to 3 bytes, little-endian, mixed like a block but without the state rotation.
    let tail = bytes[i]!;
    if (remaining > 1) tail |= bytes[i + 1]! << 8;
    if (remaining > 2) tail |= bytes[i + 2]! << 16;
    const k = mixKey(tail);
    a ^= k;
    b ^= k;
  }
  out[0] = finalMix(a ^ length);
  out[1] = finalMix(b ^ length);
}

function mixKey(key: number): number {
  let k = Math.imul(key, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixState(state: number, key: number): number {
  let h = state ^ key;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalMix(state: number): number {
  let h = state;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // int32: the typed array it is stored in gives it its signedness.
  return h;
}

/** Writes the UTF-8 bytes of `text` into `scratch` and returns their count. */
function encodeUtf8(text: string): number {
  // A UTF-16 code unit never takes more than three UTF-8 bytes (a pair of them takes four).
  if (scratch.length < text.length * 3) scratch = new Uint8Array(Math.max(text.length * 3, scratch.length * 2));
  const bytes = scratch;
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes[n++] = code;
      continue;
    }
    if (code < 0x800) {
      bytes[n++] = 0xc0 | (code >>> 6);
      bytes[n++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i += 1;
        bytes[n++] = 0xf0 | (code >>> 18);
        bytes[n++] = 0x80 | ((code >>> 12) & 0x3f);
        bytes[n++] = 0x80 | ((code >>> 6) & 0x3f);
        bytes[n++] = 0x80 | (code & 0x3f);
        continue;
      }
      code = 0xfffd;
    }
    bytes[n++] = 0xe0 | (code >>> 12);
    bytes[n++] = 0x80 | ((code >>> 6) & 0x3f);
    bytes[n++] = 0x80 | (code & 0x3f);
  }
  return n;
}
