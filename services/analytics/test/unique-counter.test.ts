import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD_ERROR, SketchError, standardError } from '../src/domain/hyperloglog.js';
import { DEFAULT_EXACT_THRESHOLD, UniqueCounter, type UniqueCounterOptions } from '../src/domain/unique-counter.js';

// The shared data sits next to the repository (../shared/data from its root).
const sharedData = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

function counterOf(ids: Iterable<string>, options?: UniqueCounterOptions): UniqueCounter {
  const counter = new UniqueCounter(options);
  for (const id of ids) counter.add(id);
  return counter;
}

function range(prefix: string, from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);
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

function relativeError(estimate: number, truth: number): number {
  return Math.abs(estimate / truth - 1);
}

/** The big-endian 64-bit hashes of an exact counter's bytes. */
function storedHashes(bytes: Uint8Array): bigint[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: (bytes.length - 3) / 8 }, (_, i) => view.getBigUint64(3 + 8 * i));
}

describe('UniqueCounter: counting', () => {
  it('counts exactly up to the threshold, then estimates with the sketch’s error bound', () => {
    const ids = range('user-', 0, DEFAULT_EXACT_THRESHOLD);
    const counter = counterOf([...ids, ...ids]);
    expect(counter.isExact()).toBe(true);
    expect(counter.count()).toBe(1_000);
    expect(counter.standardError()).toBe(0);

    counter.add('user-1000');
    expect(counter.isExact()).toBe(false);
    expect(counter.standardError()).toBe(STANDARD_ERROR);
    expect(relativeError(counter.count(), 1_001)).toBeLessThan(3 * STANDARD_ERROR);
  });

  it('counts any small set of ids exactly, duplicates and all', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 300 }), (ids) => {
        const counter = counterOf(ids);
        expect(counter.isExact()).toBe(true);
        expect(counter.count()).toBe(new Set(ids).size);
      }),
      { numRuns: 200 },
    );
  });

  it.each([10_000, 100_000, 1_000_000])('estimates %i distinct ids within 3 standard errors', (n) => {
    const counter = new UniqueCounter();
    for (let i = 0; i < n; i += 1) counter.add(`learner-${i}`);
    expect(relativeError(counter.count(), n)).toBeLessThan(3 * STANDARD_ERROR);
  });

  it('is a sketch from the first id with a threshold of 0, and at the precision asked for', () => {
    const counter = counterOf(['a'], { threshold: 0, precision: 14 });
    expect(counter.isExact()).toBe(false);
    expect(counter.precision).toBe(14);
    expect(counter.standardError()).toBe(standardError(14));
    expect(counter.count()).toBe(1);
    expect(new UniqueCounter().count()).toBe(0);
  });

  it('counts the all-zero hash like any other', () => {
    const counter = new UniqueCounter();
    counter.addHash(0, 0);
    counter.addHash(0, 0);
    counter.addHash(0xffffffff, 0xffffffff);
    counter.addHash(-1, -1);
    expect(counter.count()).toBe(2);
    expect(storedHashes(counter.toBytes())).toEqual([0n, 0xffffffffffffffffn]);
    expect(UniqueCounter.fromBytes(counter.toBytes()).count()).toBe(2);
  });

  it('refuses a threshold or precision out of range', () => {
    for (const threshold of [-1, 1.5, Number.NaN, 2 ** 21]) expectSketchError(() => new UniqueCounter({ threshold }), 'ANALYTICS.INVALID_THRESHOLD');
    for (const precision of [3, 19, 12.5]) expectSketchError(() => new UniqueCounter({ precision }), 'ANALYTICS.INVALID_PRECISION');
  });
});

describe('UniqueCounter: merging', () => {
  it('keeps exact + exact exact while the union is within the threshold', () => {
    const union = counterOf(range('u', 0, 600)).merge(counterOf(range('u', 200, 1_000)));
    expect(union.isExact()).toBe(true);
    expect(union.count()).toBe(1_000);
  });

  it('turns exact + exact past the threshold into the sketch of all the ids', () => {
    const left = counterOf(range('u', 0, 700));
    const right = counterOf(range('u', 400, 1_100));
    const union = left.merge(right);
    expect(union.isExact()).toBe(false);
    expect(union.toBytes()).toEqual(counterOf(range('u', 0, 1_100)).toBytes());
    expect(left.isExact() && right.isExact()).toBe(true);
    expect([left.count(), right.count()]).toEqual([700, 700]);
  });

  it('makes exact + sketch a sketch, in either order, at the sketch’s precision', () => {
    const exact = counterOf(range('e', 0, 50));
    const sketch = counterOf(range('s', 0, 50), { threshold: 10, precision: 14 });
    const one = exact.merge(sketch);
    const other = sketch.merge(exact);
    expect(one.isExact() || other.isExact()).toBe(false);
    expect(one.precision).toBe(14);
    expect(one.toBytes()).toEqual(other.toBytes());
    expect(one.count()).toBe(100);
  });

  it('refuses to merge two sketches of different precision', () => {
    const twelve = counterOf(['a'], { threshold: 0 });
    const fourteen = counterOf(['a'], { threshold: 0, precision: 14 });
    expectSketchError(() => twelve.merge(fourteen), 'ANALYTICS.PRECISION_MISMATCH');
  });

  it('merges commutatively, associatively and idempotently, leaving its inputs alone', () => {
    // A threshold of 40 so that runs mix exact sets, sketches, and exact sets that become sketches.
    const ids = fc.array(fc.integer({ min: 0, max: 150 }).map((i) => `id-${i}`), { maxLength: 80 });
    fc.assert(
      fc.property(ids, ids, ids, (first, second, third) => {
        const [a, b, c] = [first, second, third].map((list) => counterOf(list, { threshold: 40 })) as [UniqueCounter, UniqueCounter, UniqueCounter];
        const before = [a.toBytes(), b.toBytes(), c.toBytes()];
        expect(a.merge(b).toBytes()).toEqual(b.merge(a).toBytes());
        expect(a.merge(b).merge(c).toBytes()).toEqual(a.merge(b.merge(c)).toBytes());
        expect(a.merge(a).toBytes()).toEqual(a.toBytes());
        expect(a.merge(b).merge(b).toBytes()).toEqual(a.merge(b).toBytes());
        expect([a.toBytes(), b.toBytes(), c.toBytes()]).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('counts merge(a, b) as the union: exactly for small sets, within the error bound beyond', () => {
    const ids = fc.array(fc.integer({ min: 0, max: 2_000 }).map((i) => `user-${i}`), { maxLength: 600 });
    fc.assert(
      fc.property(ids, ids, (left, right) => {
        const union = new Set([...left, ...right]).size;
        const merged = counterOf(left, { threshold: 100 }).merge(counterOf(right, { threshold: 100 }));
        if (union <= 100) {
          expect(merged.isExact()).toBe(true);
          expect(merged.count()).toBe(union);
        } else {
          // Four standard errors: fast-check draws new ids every run, so three would fail one run in a few hundred.
          expect(relativeError(merged.count(), union)).toBeLessThan(4 * STANDARD_ERROR);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('rolls minute windows up into the hour as if the hour were one window', () => {
    const minutes = Array.from({ length: 60 }, (_, minute) => counterOf(range('learner-', minute * 40, minute * 40 + 120)));
    const hour = minutes.reduce((rollup, window) => rollup.merge(window), new UniqueCounter());
    expect(hour.toBytes()).toEqual(counterOf(range('learner-', 0, 59 * 40 + 120)).toBytes());
    expect(relativeError(hour.count(), 59 * 40 + 120)).toBeLessThan(3 * STANDARD_ERROR);
  });
});

describe('UniqueCounter: bytes', () => {
  it('stores an exact set as sorted 8-byte hashes, the same bytes in any order of adding', () => {
    const ids = range('x', 0, 200);
    const bytes = counterOf(ids).toBytes();
    expect(bytes.length).toBe(3 + 8 * 200);
    expect([bytes[0], bytes[1], bytes[2]]).toEqual([1, 0, 12]);
    const hashes = storedHashes(bytes);
    expect(hashes).toEqual([...hashes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(counterOf([...ids].reverse()).toBytes()).toEqual(bytes);
    expect(new UniqueCounter().toBytes()).toEqual(Uint8Array.from([1, 0, 12]));
  });

  it('round-trips both forms', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 120 }), (ids) => {
        const counter = counterOf(ids, { threshold: 60 });
        const read = UniqueCounter.fromBytes(counter.toBytes(), { threshold: 60 });
        expect(read.isExact()).toBe(counter.isExact());
        expect(read.count()).toBe(counter.count());
        expect(read.toBytes()).toEqual(counter.toBytes());
      }),
      { numRuns: 100 },
    );
    const sketch = counterOf(range('s', 0, 5_000));
    const bytes = sketch.toBytes();
    expect(bytes.length).toBe(2 + 2 + 4096);
    expect(UniqueCounter.fromBytes(bytes).toBytes()).toEqual(bytes);
  });

  it('keeps counting after a round trip as if it never left', () => {
    const read = UniqueCounter.fromBytes(counterOf(range('k', 0, 900)).toBytes());
    for (const id of range('k', 500, 1_500)) read.add(id);
    expect(read.toBytes()).toEqual(counterOf(range('k', 0, 1_500)).toBytes());
  });

  it('reads from a slice of a larger Buffer (as a driver hands rows over) without sharing its memory', () => {
    for (const counter of [counterOf(range('b', 0, 30)), counterOf(range('b', 0, 3_000))]) {
      const bytes = counter.toBytes();
      const pool = Buffer.alloc(bytes.length + 11, 0xab);
      pool.set(bytes, 5);
      const slice = pool.subarray(5, 5 + bytes.length);
      const read = UniqueCounter.fromBytes(slice);
      slice.fill(0);
      expect(read.toBytes()).toEqual(bytes);
    }
  });

  it('reads an exact set larger than the threshold asked for as a sketch', () => {
    const bytes = counterOf(range('t', 0, 300)).toBytes();
    const read = UniqueCounter.fromBytes(bytes, { threshold: 100 });
    expect(read.isExact()).toBe(false);
    expect(read.toBytes()).toEqual(counterOf(range('t', 0, 300), { threshold: 100 }).toBytes());
  });

  it('rejects bytes it did not write with a SketchError', () => {
    const exact = counterOf(['a', 'b']).toBytes();
    const [first, second] = [exact.subarray(3, 11), exact.subarray(11, 19)];
    const sketch = counterOf(['a'], { threshold: 0, precision: 4 }).toBytes();
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      Uint8Array.from([1]),
      Uint8Array.from([2, 0, 12]),
      Uint8Array.from([1, 7, 12]),
      Uint8Array.from([1, 0]),
      Uint8Array.from([1, 0, 12, 1, 2, 3]),
      Uint8Array.from([1, 0, 40]),
      Uint8Array.from([1, 0, 12, ...second, ...first]),
      Uint8Array.from([1, 0, 12, ...first, ...first]),
      sketch.subarray(0, sketch.length - 1),
      Uint8Array.from([1, 1, 1, 40]),
    ];
    for (const bytes of cases) expectSketchError(() => UniqueCounter.fromBytes(bytes), 'ANALYTICS.INVALID_SKETCH');
  });
});

/** Every CSV under the shared data whose header names a `user_id` column, with that column's index. */
function userIdFiles(root: string): Array<{ file: string; column: number; separator: string }> {
  if (!existsSync(root)) return [];
  const found: Array<{ file: string; column: number; separator: string }> = [];
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.csv')) continue;
    const file = join(root, entry);
    const header = firstLine(file);
    const separator = header.includes('\t') ? '\t' : ',';
    const column = header.split(separator).map((name) => name.trim()).indexOf('user_id');
    if (column !== -1) found.push({ file, column, separator });
  }
  return found;
}

function firstLine(file: string): string {
  const descriptor = openSync(file, 'r');
  try {
    const head = Buffer.alloc(1_024);
    const read = readSync(descriptor, head, 0, head.length, 0);
    return head.subarray(0, read).toString('utf8').split('\n')[0] ?? '';
  } finally {
    closeSync(descriptor);
  }
}

describe('UniqueCounter on real learners', () => {
  it('counts the distinct users of the knowledge-tracing data (ASSISTments 2009) within the error bound', (context) => {
    const files = userIdFiles(join(sharedData, 'kt'));
    if (files.length === 0) context.skip(`no CSV with a user_id column under ${join(sharedData, 'kt')} (the shared data is not on this machine)`);
    const exact = new Set<string>();
    const perFile: UniqueCounter[] = [];
    for (const { file, column, separator } of files) {
      const counter = new UniqueCounter();
      for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
        const user = line.split(separator)[column]?.trim();
        if (!user) continue;
        exact.add(user);
        counter.add(user);
      }
      perFile.push(counter);
    }
    const all = perFile.reduce((rollup, counter) => rollup.merge(counter), new UniqueCounter());
    expect(exact.size).toBeGreaterThan(0);
    expect(all.isExact()).toBe(exact.size <= DEFAULT_EXACT_THRESHOLD);
    expect(relativeError(all.count(), exact.size)).toBeLessThan(3 * STANDARD_ERROR);
    expect(all.toBytes()).toEqual(counterOf(exact).toBytes());
  });
});
