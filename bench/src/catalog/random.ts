/**
 * Deterministic randomness for the catalog bench: the same seed builds the same corpus and the same request
 * mix on every run, so two runs differ by the code and the machine, not by the dice.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1) (mulberry32: small, fast, and good enough to pick words and ids). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new RangeError('pick from no values');
    return values[Math.floor(this.next() * values.length)] as T;
  }

  /** A version-4 shaped uuid from this generator (deterministic, unlike crypto.randomUUID). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((Math.floor(this.next() * 4) + 8)).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** A copy of `values` in random order (Fisher–Yates). */
  shuffled<T>(values: readonly T[]): T[] {
    const copy = [...values];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

/**
 * Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent: a few values are drawn
 * very often and a long tail rarely, the way course popularity and word frequency are distributed.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(readonly n: number, exponent: number) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`Zipf needs at least one value, got ${n}`);
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let rank = 0; rank < n; rank++) {
      sum += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = sum;
    }
    for (let rank = 0; rank < n; rank++) this.cumulative[rank] = (this.cumulative[rank] as number) / sum;
  }

  /** The rank for a uniform `u` in [0, 1): the first rank whose cumulative share exceeds it. */
  rankOf(u: number): number {
    let low = 0;
    let high = this.n - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > u) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  draw(random: Random): number {
    return this.rankOf(random.next());
  }
}
