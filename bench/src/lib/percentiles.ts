/** Latency figures in milliseconds. */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Nearest-rank percentile of values sorted ascending: the smallest value with at least `p` % of the values at
 * or below it. Always an observed value (no interpolation), the way HdrHistogram and autocannon report.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** Summarizes unsorted values (they are copied, not reordered). */
export function summarize(values: ArrayLike<number>): LatencySummary {
  if (values.length === 0) throw new RangeError('summary of no values');
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    mean: sum / sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] as number,
  };
}

/**
 * Collects samples in a growing typed array: hundreds of thousands of responses per run would make a plain
 * array of boxed numbers a measurable load on the very process doing the measuring.
 */
export class LatencyRecorder {
  private samples = new Float64Array(1 << 14);
  private size = 0;

  record(ms: number): void {
    if (this.size === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.size++] = ms;
  }

  get count(): number {
    return this.size;
  }

  summary(): LatencySummary {
    return summarize(this.samples.subarray(0, this.size));
  }
}
