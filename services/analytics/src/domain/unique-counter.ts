import { hash64Into } from './hash.js';
import { DEFAULT_PRECISION, HyperLogLog, MAX_PRECISION, MIN_PRECISION, SketchError, isPrecision } from './hyperloglog.js';

/**
 * Distinct ids (active users of a window): exact, as the set of the ids' 64-bit hashes, up to `threshold`
 * distinct, then a HyperLogLog of those hashes. Most windows hold a handful of users and report them
 * exactly; a busy one costs a fixed 4 KiB whatever its count.
 *
 * "Exact" counts distinct 64-bit hashes: two ids collide with probability about n² / 2^65, nil in practice.
 *
 * The representation is a function of the hashes added and of whether any merged input was a sketch, so
 * between counters of one configuration (threshold, precision) merge is commutative, associative and
 * idempotent down to the bytes.
 */

/** Above this many distinct ids a counter becomes a sketch. */
export const DEFAULT_EXACT_THRESHOLD = 1_000;
/** A bound on the exact set's memory (8 bytes an id, twice that in the table). */
export const MAX_EXACT_THRESHOLD = 1 << 20;

export interface UniqueCounterOptions {
  /** Most distinct ids kept exactly (default 1,000). */
  threshold?: number;
  /** Precision of the sketch it becomes (default 12: 4,096 registers). */
  precision?: number;
}

const FORMAT_VERSION = 1;
const KIND_EXACT = 0;
const KIND_SKETCH = 1;
/** version, kind, then for the exact form the precision it converts to. */
const EXACT_HEADER_BYTES = 3;
const SKETCH_HEADER_BYTES = 2;
const HASH_BYTES = 8;

/** Where add() hashes an id: one buffer for every counter, int32 so the halves stay unboxed (see hash.ts). */
const hashed = new Int32Array(2);

export class UniqueCounter {
  readonly threshold: number;
  private readonly configuredPrecision: number;
  private exact = new HashSet64();
  private sketch: HyperLogLog | null = null;

  constructor(options: UniqueCounterOptions = {}) {
    const threshold = options.threshold ?? DEFAULT_EXACT_THRESHOLD;
    const precision = options.precision ?? DEFAULT_PRECISION;
    if (!Number.isInteger(threshold) || threshold < 0 || threshold > MAX_EXACT_THRESHOLD) {
      throw new SketchError('ANALYTICS.INVALID_THRESHOLD', `threshold must be an integer from 0 to ${MAX_EXACT_THRESHOLD}, got ${threshold}`);
    }
    if (!isPrecision(precision)) {
      throw new SketchError('ANALYTICS.INVALID_PRECISION', `precision must be an integer from ${MIN_PRECISION} to ${MAX_PRECISION}, got ${precision}`);
    }
    this.threshold = threshold;
    this.configuredPrecision = precision;
  }

  /** The sketch's precision, or the one the exact set will convert to. */
  get precision(): number {
    return this.sketch?.precision ?? this.configuredPrecision;
  }

  /** Counts `id` (idempotent). Allocation-free. */
  add(id: string): void {
    hash64Into(id, hashed);
    this.addHash(hashed[0]!, hashed[1]!);
  }

  /** Counts an id by its 64-bit hash (see hash.ts), given as two 32-bit halves (uint32 or int32 alike). */
  addHash(high: number, low: number): void {
    if (this.sketch) {
      this.sketch.add(high, low);
      return;
    }
    if (this.exact.add(high | 0, low | 0) && this.exact.size > this.threshold) this.becomeSketch(new HyperLogLog(this.configuredPrecision));
  }

  /** The number of distinct ids: exact while isExact(), else the sketch's estimate, rounded. */
  count(): number {
    return this.sketch ? Math.round(this.sketch.estimate()) : this.exact.size;
  }

  isExact(): boolean {
    return this.sketch === null;
  }

  /** The relative standard error of count(): 0 while exact. */
  standardError(): number {
    return this.sketch ? this.sketch.standardError : 0;
  }

  /**
   * A new counter of the union; neither input changes. Exact with exact stays exact while the union is
   * within this counter's threshold; anything with a sketch is a sketch (two sketches need one precision).
   */
  merge(other: UniqueCounter): UniqueCounter {
    const union = this.clone();
    union.absorb(other);
    return union;
  }

  clone(): UniqueCounter {
    const copy = new UniqueCounter({ threshold: this.threshold, precision: this.configuredPrecision });
    copy.exact = this.exact.clone();
    copy.sketch = this.sketch?.clone() ?? null;
    return copy;
  }

  /**
   * Exact: `[version, 0, precision, ...hashes]`, each hash 8 bytes big-endian, ascending (so equal sets
   * give equal bytes). Sketch: `[version, 1, ...HyperLogLog bytes]`.
   */
  toBytes(): Uint8Array {
    if (this.sketch) {
      const registers = this.sketch.toBytes();
      const bytes = new Uint8Array(SKETCH_HEADER_BYTES + registers.length);
      bytes.set([FORMAT_VERSION, KIND_SKETCH]);
      bytes.set(registers, SKETCH_HEADER_BYTES);
      return bytes;
    }
    const hashes = this.exact.sorted();
    const bytes = new Uint8Array(EXACT_HEADER_BYTES + HASH_BYTES * hashes.length);
    bytes.set([FORMAT_VERSION, KIND_EXACT, this.configuredPrecision]);
    const view = new DataView(bytes.buffer);
    hashes.forEach((hash, i) => view.setBigUint64(EXACT_HEADER_BYTES + HASH_BYTES * i, hash));
    return bytes;
  }

  /**
   * Reads back what toBytes wrote (throws SketchError on anything else). `options.threshold` applies to
   * the result: an exact set larger than it is read as a sketch. A stored precision wins over the option.
   */
  static fromBytes(bytes: Uint8Array, options: Pick<UniqueCounterOptions, 'threshold'> = {}): UniqueCounter {
    if (bytes.length < SKETCH_HEADER_BYTES) throw invalid(`${bytes.length} bytes is too short for a counter`);
    if (bytes[0] !== FORMAT_VERSION) throw invalid(`unknown counter format version ${bytes[0]}`);
    if (bytes[1] === KIND_SKETCH) {
      const sketch = HyperLogLog.fromBytes(bytes.subarray(SKETCH_HEADER_BYTES));
      const counter = new UniqueCounter({ ...options, precision: sketch.precision });
      counter.sketch = sketch;
      return counter;
    }
    if (bytes[1] !== KIND_EXACT) throw invalid(`unknown counter kind ${bytes[1]}`);
    return readExact(bytes, options);
  }

  private absorb(other: UniqueCounter): void {
    if (!other.sketch) {
      other.exact.forEach((high, low) => this.addHash(high, low));
    } else if (this.sketch) {
      this.sketch.unionWith(other.sketch);
    } else {
      this.becomeSketch(other.sketch.clone());
    }
  }

  /** Moves the exact hashes into `sketch` and keeps counting there. */
  private becomeSketch(sketch: HyperLogLog): void {
    this.exact.forEach((high, low) => sketch.add(high, low));
    this.exact = new HashSet64();
    this.sketch = sketch;
  }
}

function readExact(bytes: Uint8Array, options: Pick<UniqueCounterOptions, 'threshold'>): UniqueCounter {
  if (bytes.length < EXACT_HEADER_BYTES || (bytes.length - EXACT_HEADER_BYTES) % HASH_BYTES !== 0) {
    throw invalid(`an exact counter has 3 + 8n bytes, not ${bytes.length}`);
  }
  const precision = bytes[2]!;
  if (!isPrecision(precision)) throw invalid(`counter precision ${precision} is out of range`);
  const counter = new UniqueCounter({ ...options, precision });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let previousHigh = -1;
  let previousLow = -1;
  for (let offset = EXACT_HEADER_BYTES; offset < bytes.length; offset += HASH_BYTES) {
    const high = view.getUint32(offset);
    const low = view.getUint32(offset + 4);
    // Strictly ascending: the canonical form, and a guard against duplicated or shuffled hashes.
    if (high < previousHigh || (high === previousHigh && low <= previousLow)) throw invalid('exact hashes are not strictly ascending');
    counter.addHash(high, low);
    previousHigh = high;
    previousLow = low;
  }
  return counter;
}

function invalid(message: string): SketchError {
  return new SketchError('ANALYTICS.INVALID_SKETCH', message);
}

const INITIAL_CAPACITY = 16;

/**
 * A set of 64-bit hashes in two typed arrays of int32 halves: open addressing, linear probing, at most half full. Adding
 * allocates only when the table doubles. The slot is picked by the low half's low bits, which HyperLogLog
 * (reading the high half's top bits) does not use. An all-zero pair marks an empty slot, so the zero hash
 * is kept apart.
 */
class HashSet64 {
  size = 0;
  private highs = new Int32Array(INITIAL_CAPACITY);
  private lows = new Int32Array(INITIAL_CAPACITY);
  private hasZero = false;

  /** Adds a hash given as int32 halves; true when it was new. */
  add(high: number, low: number): boolean {
    if (high === 0 && low === 0) {
      if (this.hasZero) return false;
      this.hasZero = true;
      this.size += 1;
      return true;
    }
    if (!this.insert(high, low)) return false;
    this.size += 1;
    if (this.size * 2 > this.highs.length) this.grow();
    return true;
  }

  forEach(visit: (high: number, low: number) => void): void {
    if (this.hasZero) visit(0, 0);
    for (let slot = 0; slot < this.highs.length; slot += 1) {
      const high = this.highs[slot]!;
      const low = this.lows[slot]!;
      if (high !== 0 || low !== 0) visit(high, low);
    }
  }

  /** The hashes as unsigned 64-bit values, ascending. */
  sorted(): BigUint64Array {
    const values = new BigUint64Array(this.size);
    let i = 0;
    this.forEach((high, low) => {
      values[i++] = (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
    });
    return values.sort();
  }

  clone(): HashSet64 {
    const copy = new HashSet64();
    copy.size = this.size;
    copy.highs = this.highs.slice();
    copy.lows = this.lows.slice();
    copy.hasZero = this.hasZero;
    return copy;
  }

  private insert(high: number, low: number): boolean {
    const mask = this.highs.length - 1;
    for (let slot = low & mask; ; slot = (slot + 1) & mask) {
      const storedHigh = this.highs[slot]!;
      const storedLow = this.lows[slot]!;
      if (storedHigh === 0 && storedLow === 0) {
        this.highs[slot] = high;
        this.lows[slot] = low;
        return true;
      }
      if (storedHigh === high && storedLow === low) return false;
    }
  }

  private grow(): void {
    const highs = this.highs;
    const lows = this.lows;
    this.highs = new Int32Array(highs.length * 2);
    this.lows = new Int32Array(lows.length * 2);
    for (let slot = 0; slot < highs.length; slot += 1) {
      if (highs[slot] !== 0 || lows[slot] !== 0) this.insert(highs[slot]!, lows[slot]!);
    }
  }
}
