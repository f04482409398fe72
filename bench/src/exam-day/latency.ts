import { percentile } from '../lib/percentiles.js';

/** Latency figures in milliseconds, as the exam-day results report them. */
export interface LatencyMs {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Samples in a growing typed array (tens of thousands per phase; boxed numbers would weigh on the measuring process). */
export class Latencies {
  private samples = new Float64Array(1 << 12);
  private size = 0;

  record(ms: number): void {
    if (this.size === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.size++] = ms;
  }

  /** Null when nothing was recorded (every request failed). */
  summary(): LatencyMs | null {
    if (this.size === 0) return null;
    const sorted = this.samples.slice(0, this.size).sort();
    let sum = 0;
    for (const value of sorted) sum += value;
    return {
      count: sorted.length, mean: sum / sorted.length,
      p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] as number,
    };
  }
}
