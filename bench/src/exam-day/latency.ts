import { LatencyRecorder, type LatencySummary } from '../lib/percentiles.js';

/** Latency figures in milliseconds, as the exam-day results report them. */
export type LatencyMs = LatencySummary;

/** The benches' latency recorder, whose summary is null when nothing was recorded (every request failed). */
export class Latencies extends LatencyRecorder {
  summaryOrNull(): LatencyMs | null {
    return this.count === 0 ? null : this.summary();
  }
}
