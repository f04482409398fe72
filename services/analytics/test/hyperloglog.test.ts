import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash64, hash64Into, hash64IntoBytes, murmur3x86_32 } from '../src/domain/hash.js';
import { DEFAULT_PRECISION, HyperLogLog, STANDARD_ERROR, SketchError, standardError } from '../src/domain/hyperloglog.js';

const hashed = new Uint32Array(2);

/** A sketch of the ids `${prefix}${from}` … `${prefix}${to - 1}`. */
function sketchOfRange(prefix: string, from: number, to: number, precision = DEFAULT_PRECISION): HyperLogLog {
  const sketch = new HyperLogLog(precision);
  for (let i = from; i < to; i += 1) {
    hash64Into(`${prefix}${i}`, hashed);
    sketch.add(hashed[0]!, hashed[1]!);
  }
  return sketch;
}

function sketchOf(ids: Iterable<string>): HyperLogLog {
  const sketch = new HyperLogLog();
  for (const id of ids) {
    hash64Into(id, hashed);
    sketch.add(hashed[0]!, hashed[1]!);
  }
  return sketch;
}

function expectSketchError(run: () => unknown, code: SketchError['code']): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SketchError);
  expect((caught as SketchError).code).toBe(code);
}

describe('hash64', () => {
  it('is MurmurHash3 x86_32 of the UTF-8 bytes (reference vectors, ASCII and multi-byte)', () => {
    const vectors: Array<[string, number, number]> = [
      ['', 0, 0],
      ['', 1, 0x514e28b7],
      ['', 0xffffffff, 0x81f16f39],
      ['H', 0, 0x407f6809],
      ['Hel', 0, 0xc8077ff4],
      ['Hello World!', 0, 0xdc09357d],
      ['Hello World! Hello World! Hello World!', 0, 0x07e69caf],
      ['メ', 0, 0xe782f64e],
      ['メロスは激怒した。', 0, 0xcf51463f],
      ['', 0x7fffffff, 0xf9cc0ea8],
      ['Hello World! Hell', 0x7fffffff, 0x36ca699d],
      ['メロスは激怒した。必ず、かの邪智暴虐の王を除かなければならぬと決意した。', 0x7fffffff, 0xea95d42e],
    ];
    for (const [text, seed, expected] of vectors) expect(murmur3x86_32(text, seed), `${text} / ${seed}`).toBe(expected);
  });

  it('never changes: stored sketches and exact sets depend on these values', () => {
    expect(hash64('user-1')).toEqual({ high: 0x9fb838d6, low: 0xf818be3e });
    expect(hash64('6f1c2a7e-0d3b-4f5a-9c8e-1b2d3e4f5a6b')).toEqual({ high: 0xd8291dcf, low: 0x49d92be4 });
    expect(hash64('Zoë 😀')).toEqual({ high: 0xf5fc39ea, low: 0x676fed1d });
  });

  it('hashes a string as TextEncoder encodes it, lone surrogates included', () => {
    const encoder = new TextEncoder();
    const check = (text: string) => {
      hash64IntoBytes(encoder.encode(text), hashed);
      expect(hash64(text)).toEqual({ high: hashed[0], low: hashed[1] });
    };
    for (const text of ['a\ud800b', '\udc00', 'x\ud83d', '😀\ud83d\ud83d😀', 'x'.repeat(5_000) + 'é']) check(text);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), check), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 20 }), check), { numRuns: 300 });
  });

  it('spreads ids evenly: every bit about half the time, the top bits over all buckets', () => {
    const n = 200_000;
    const ones = new Array<number>(64).fill(0);
    const buckets = new Array<number>(256).fill(0);
    for (let i = 0; i < n; i += 1) {
      hash64Into(`user-${i}`, hashed);
      const [high, low] = [hashed[0]!, hashed[1]!];
      buckets[high >>> 24]! += 1;
      for (let bit = 0; bit < 32; bit += 1) {
        ones[bit]! += (high >>> bit) & 1;
        ones[32 + bit]! += (low >>> bit) & 1;
      }
    }
    // ±1 % is about nine standard deviations of a fair bit over 200,000 ids; ±15 % about four for a bucket.
    for (const count of ones) expect(Math.abs(count / n - 0.5)).toBeLessThan(0.01);
    for (const count of buckets) expect(Math.abs(count / (n / 256) - 1)).toBeLessThan(0.15);
  });
});

describe('HyperLogLog', () => {
  it('states its error bound: 1.04 / sqrt(m)', () => {
    expect(STANDARD_ERROR).toBeCloseTo(0.01625, 5);
    expect(standardError(14)).toBeCloseTo(0.008125, 6);
    expect(new HyperLogLog(10).standardError).toBeCloseTo(0.0325, 6);
  });

  it('estimates 0 when empty and about 1 after one hash, however often it is added', () => {
    const sketch = new HyperLogLog();
    expect(sketch.estimate()).toBe(0);
    expect(sketch.isEmpty()).toBe(true);
    for (let i = 0; i < 100; i += 1) sketch.add(0x12345678, 0x9abcdef0);
    expect(sketch.estimate()).toBeCloseTo(1, 3);
  });

  it.each([1_000, 10_000, 100_000, 1_000_000])('estimates %i distinct ids within 3 standard errors', (n) => {
    const sketch = sketchOfRange('learner-', 0, n);
    const relativeError = Math.abs(sketch.estimate() / n - 1);
    expect(relativeError).toBeLessThan(3 * STANDARD_ERROR);
  });

  it('stays unbiased over many small and mid cardinalities (no switch-over bump)', () => {
    // The classic estimator is worst where linear counting hands over (around 2.5 m): walk through it.
    const errors: number[] = [];
    for (let n = 500; n <= 40_000; n = Math.round(n * 1.25)) {
      for (let trial = 0; trial < 4; trial += 1) errors.push(sketchOfRange(`t${trial}-${n}-`, 0, n).estimate() / n - 1);
    }
    const mean = errors.reduce((sum, error) => sum + error, 0) / errors.length;
    expect(Math.abs(mean)).toBeLessThan(STANDARD_ERROR / 2);
    for (const error of errors) expect(Math.abs(error)).toBeLessThan(3 * STANDARD_ERROR);
  });

  it('is as accurate at another precision', () => {
    const sketch = sketchOfRange('p14-', 0, 50_000, 14);
    expect(Math.abs(sketch.estimate() / 50_000 - 1)).toBeLessThan(3 * standardError(14));
  });

  it('merges the union: two halves give exactly the registers of the whole', () => {
    const left = sketchOfRange('u', 0, 30_000);
    const right = sketchOfRange('u', 20_000, 50_000);
    const before = left.toBytes();
    const union = left.merge(right);
    expect(union.equals(sketchOfRange('u', 0, 50_000))).toBe(true);
    expect(left.toBytes()).toEqual(before);
    expect(Math.abs(union.estimate() / 50_000 - 1)).toBeLessThan(3 * STANDARD_ERROR);
  });

  it('merges commutatively and idempotently', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 300 }), fc.uniqueArray(fc.string(), { maxLength: 300 }), (left, right) => {
        const a = sketchOf(left);
        const b = sketchOf(right);
        expect(a.merge(b).equals(b.merge(a))).toBe(true);
        expect(a.merge(a).equals(a)).toBe(true);
        expect(a.merge(b).merge(b).equals(a.merge(b))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses to merge sketches of different precision', () => {
    expectSketchError(() => new HyperLogLog(12).merge(new HyperLogLog(14)), 'ANALYTICS.PRECISION_MISMATCH');
  });

  it('round-trips through bytes: a version byte, the precision, one byte a register', () => {
    const sketch = sketchOfRange('r', 0, 20_000);
    const bytes = sketch.toBytes();
    expect(bytes.length).toBe(2 + 4096);
    expect([bytes[0], bytes[1]]).toEqual([1, 12]);
    const read = HyperLogLog.fromBytes(bytes);
    expect(read.equals(sketch)).toBe(true);
    expect(read.estimate()).toBe(sketch.estimate());
  });

  it('reads from a Buffer that is a slice of a larger one, and copies it', () => {
    const bytes = sketchOfRange('b', 0, 5_000).toBytes();
    const pool = Buffer.alloc(bytes.length + 17, 0xee);
    pool.set(bytes, 7);
    const slice = pool.subarray(7, 7 + bytes.length);
    const read = HyperLogLog.fromBytes(slice);
    expect(read.toBytes()).toEqual(bytes);
    slice.fill(0, 2);
    expect(read.toBytes()).toEqual(bytes);
  });

  it('keeps the rank of a hash whose bits after the index are all zero', () => {
    const sketch = new HyperLogLog();
    sketch.add(0, 0);
    const bytes = sketch.toBytes();
    expect(bytes[2]).toBe(64 - 12 + 1);
    expect(HyperLogLog.fromBytes(bytes).equals(sketch)).toBe(true);
    expect(sketch.estimate()).toBeCloseTo(1, 3);
  });

  it('rejects bytes it did not write with a SketchError', () => {
    const good = new HyperLogLog(4).toBytes();
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      new Uint8Array([1]),
      Uint8Array.from([2, ...good.subarray(1)]),
      Uint8Array.from([1, 3, ...new Uint8Array(8)]),
      Uint8Array.from([1, 19]),
      good.subarray(0, good.length - 1),
      Uint8Array.from([...good, 0]),
      Uint8Array.from([1, 4, 62, ...good.subarray(3)]),
    ];
    for (const bytes of cases) expectSketchError(() => HyperLogLog.fromBytes(bytes), 'ANALYTICS.INVALID_SKETCH');
  });

  it('refuses a precision out of range', () => {
    for (const precision of [3, 19, 12.5, Number.NaN]) expectSketchError(() => new HyperLogLog(precision), 'ANALYTICS.INVALID_PRECISION');
  });
});
