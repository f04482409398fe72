/**
 * The exam countdown runs on the server's clock: the attempt carries its deadline and the server's time
 * when it was read, so the client only needs the offset between the two clocks. A student whose computer
 * clock is wrong (or who changes it) still sees the time the server will enforce.
 */

/** Milliseconds to add to the client's clock to get the server's. */
export function clockOffset(serverTime: string, receivedAt: number): number {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? server - receivedAt : 0;
}

/** What is left before `deadlineAt` on the server's clock, never below zero. */
export function remainingMs(deadlineAt: string, offsetMs: number, clientNow: number): number {
  return Math.max(0, Date.parse(deadlineAt) - (clientNow + offsetMs));
}

/** `1:04:09`, `14:05`, `0:09`: whole seconds, rounded up so zero shows only when time is really up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** Minutes left at which screen readers are told (politely) how much time remains. */
export const ANNOUNCE_AT_MINUTES = [10, 5, 1] as const;

/** The announcement threshold (in minutes) the countdown went past between two readings, if any. */
export function thresholdCrossed(beforeMs: number, afterMs: number, thresholds: readonly number[] = ANNOUNCE_AT_MINUTES): number | null {
  const crossed = thresholds.filter((minutes) => beforeMs > minutes * 60_000 && afterMs <= minutes * 60_000);
  return crossed.length > 0 ? Math.min(...crossed) : null;
}

export interface CountdownOptions {
  deadlineAt: string;
  offsetMs: number;
  onTick(remainingMs: number): void;
  /** Called once per threshold of ANNOUNCE_AT_MINUTES the time goes past while the countdown runs. */
  onAnnounce?(minutesLeft: number): void;
  /** Called exactly once, when the time is up. */
  onExpire(): void;
  now?: () => number;
  intervalMs?: number;
}

export interface Countdown {
  stop(): void;
}

/**
 * Ticks until the deadline. The remaining time is recomputed from the clock at every tick (never by
 * counting ticks), so a throttled background tab or a sleeping laptop shows the right time when it wakes.
 */
export function startCountdown(options: CountdownOptions): Countdown {
  const now = options.now ?? (() => Date.now());
  let last = remainingMs(options.deadlineAt, options.offsetMs, now());
  let timer: ReturnType<typeof setInterval> | undefined;
  let expired = false;

  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const tick = () => {
    const left = remainingMs(options.deadlineAt, options.offsetMs, now());
    const crossed = thresholdCrossed(last, left);
    last = left;
    options.onTick(left);
    if (crossed !== null && left > 0) options.onAnnounce?.(crossed);
    if (left <= 0 && !expired) {
      expired = true;
      stop();
      options.onExpire();
    }
  };

  options.onTick(last);
  if (last <= 0) {
    expired = true;
    options.onExpire();
  } else {
    timer = setInterval(tick, options.intervalMs ?? 250);
  }
  return { stop };
}
