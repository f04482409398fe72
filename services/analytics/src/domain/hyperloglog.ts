/**
 * HyperLogLog over 64-bit hashes (see hash.ts), one byte per register, estimated with Ertl's improved raw
 * estimator ("New cardinality estimation algorithms for HyperLogLog sketches", 2017). That estimator needs
 * no bias tables and no switch-over between linear counting and the raw estimate: it stays unbiased from
 * an empty sketch to far beyond any count we will see, with 64-bit hashes never saturating.
 */

export type SketchErrorCode =
  | 'ANALYTICS.INVALID_PRECISION'
  | 'ANALYTICS.INVALID_THRESHOLD'
  | 'ANALYTICS.PRECISION_MISMATCH'
  | 'ANALYTICS.INVALID_SKETCH';

/**
 * A sketch that cannot be built, merged or read back. Plain Error with a stable code (the domain has no
 * dependencies): an HTTP layer that lets sketch bytes in maps it to a 4xx problem (`invalid`).
 */
export class SketchError extends Error {
  override readonly name = 'SketchError';
  constructor(
    readonly code: SketchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const MIN_PRECISION = 4;
export const MAX_PRECISION = 18;
/** 4,096 registers: 4 KiB a sketch, a standard error of about 1.63 %. */
export const DEFAULT_PRECISION = 12;

/** Byte 0 of the stored form; a new layout gets a new version and fromBytes keeps reading the old ones. */
const FORMAT_VERSION = 1;
const HEADER_BYTES = 2;

/** 1 / (2 ln 2): the constant of the estimator as the number of registers tends to infinity. */
const ALPHA_INFINITY = 1 / (2 * Math.LN2);

/**
 * The relative standard error of an estimate with 2^precision registers, 1.04 / sqrt(m). Estimates fall
 * within one of it of the true count about 68 % of the time, within three about 99.7 %.
 */
export function standardError(precision: number = DEFAULT_PRECISION): number {
  return 1.04 / Math.sqrt(2 ** precision);
}

/** The standard error at the default precision (≈ 0.01625). */
export const STANDARD_ERROR = standardError(DEFAULT_PRECISION);

export class HyperLogLog {
  readonly precision: number;
  private readonly registers: Uint8Array;

  /** An empty sketch; `registers` is how clone and fromBytes hand over ones they have checked. */
  constructor(precision: number = DEFAULT_PRECISION, registers?: Uint8Array) {
    assertPrecision(precision);
    if (registers && registers.length !== 2 ** precision) throw invalid(`precision ${precision} needs ${2 ** precision} registers, got ${registers.length}`);
    this.precision = precision;
    this.registers = registers ?? new Uint8Array(2 ** precision);
  }

  /** The relative standard error of this sketch's estimates. */
  get standardError(): number {
    return standardError(this.precision);
  }

  /**
   * Adds a 64-bit hash given as its two uint32 halves: the first `precision` bits pick the register, the
   * position of the first 1 bit in the rest is its rank. Allocation-free: this is the hot path.
   */
  add(high: number, low: number): void {
    const p = this.precision;
    const index = high >>> (32 - p);
    const rest = high << p;
    // A rest of all zeros in the high half (2^-(32-p) of hashes) continues into the low half.
    const rank = rest !== 0 ? Math.clz32(rest) + 1 : 32 - p + Math.clz32(low) + 1;
    if (rank > this.registers[index]!) this.registers[index] = rank;
  }

  /** The estimated number of distinct hashes added. */
  estimate(): number {
    const m = this.registers.length;
    const q = 64 - this.precision;
    const histogram = new Float64Array(q + 2);
    for (const rank of this.registers) histogram[rank]! += 1;
    let z = m * tau(1 - histogram[q + 1]! / m);
    for (let k = q; k >= 1; k -= 1) z = 0.5 * (z + histogram[k]!);
    z += m * sigma(histogram[0]! / m);
    return (ALPHA_INFINITY * m * m) / z;
  }

  /** True when no hash was ever added. */
  isEmpty(): boolean {
    return this.registers.every((rank) => rank === 0);
  }

  /** A new sketch of the union of both; neither is changed. */
  merge(other: HyperLogLog): HyperLogLog {
    return this.clone().unionWith(other);
  }

  /** Folds `other` into this sketch in place (register-wise maximum) and returns this. */
  unionWith(other: HyperLogLog): this {
    if (other.precision !== this.precision) {
      throw new SketchError('ANALYTICS.PRECISION_MISMATCH', `cannot merge a sketch of precision ${other.precision} into one of ${this.precision}`);
    }
    const mine = this.registers;
    const theirs = other.registers;
    for (let i = 0; i < mine.length; i += 1) if (theirs[i]! > mine[i]!) mine[i] = theirs[i]!;
    return this;
  }

  clone(): HyperLogLog {
    return new HyperLogLog(this.precision, this.registers.slice());
  }

  equals(other: HyperLogLog): boolean {
    return other.precision === this.precision && other.registers.every((rank, i) => rank === this.registers[i]);
  }

  /** `[version, precision, ...registers]`: 2 + 2^precision bytes. */
  toBytes(): Uint8Array {
    const bytes = new Uint8Array(HEADER_BYTES + this.registers.length);
    bytes[0] = FORMAT_VERSION;
    bytes[1] = this.precision;
    bytes.set(this.registers, HEADER_BYTES);
    return bytes;
  }

  /** Reads back what toBytes wrote; throws SketchError on anything else. */
  static fromBytes(bytes: Uint8Array): HyperLogLog {
    if (bytes.length < HEADER_BYTES) throw invalid(`${bytes.length} bytes is too short for a sketch`);
    if (bytes[0] !== FORMAT_VERSION) throw invalid(`unknown sketch format version ${bytes[0]}`);
    const precision = bytes[1]!;
    if (!isPrecision(precision)) throw invalid(`sketch precision ${precision} is out of range`);
    const size = 2 ** precision;
    if (bytes.length !== HEADER_BYTES + size) throw invalid(`a sketch of precision ${precision} has ${HEADER_BYTES + size} bytes, not ${bytes.length}`);
    // A copy, never a view: a Buffer from the database driver may share its memory with other rows.
    const registers = new Uint8Array(bytes.subarray(HEADER_BYTES));
    const maxRank = 65 - precision;
    if (registers.some((rank) => rank > maxRank)) throw invalid(`a register exceeds the largest rank ${maxRank}`);
    return new HyperLogLog(precision, registers);
  }
}

/** An integer precision the sketch supports. */
export function isPrecision(precision: number): boolean {
  return Number.isInteger(precision) && precision >= MIN_PRECISION && precision <= MAX_PRECISION;
}

function assertPrecision(precision: number): void {
  if (!isPrecision(precision)) {
    throw new SketchError('ANALYTICS.INVALID_PRECISION', `precision must be an integer from ${MIN_PRECISION} to ${MAX_PRECISION}, got ${precision}`);
  }
}

function invalid(message: string): SketchError {
  return new SketchError('ANALYTICS.INVALID_SKETCH', message);
}

/** Ertl's σ(x) = x + Σ_{k≥1} x^(2^k) 2^(k-1): the correction for registers still at zero. */
function sigma(x: number): number {
  if (x === 1) return Infinity;
  let power = x;
  let weight = 1;
  let sum = x;
  for (;;) {
    power *= power;
    const previous = sum;
    sum += power * weight;
    weight += weight;
    if (sum === previous) return sum;
  }
}

/** Ertl's τ(x): the correction for registers at the largest rank (only reachable past ~2^50 hashes). */
function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let root = x;
  let weight = 1;
  let sum = 1 - x;
  for (;;) {
    root = Math.sqrt(root);
    const previous = sum;
    weight *= 0.5;
    sum -= (1 - root) ** 2 * weight;
    if (sum === previous) return sum / 3;
  }
}
