import { ApiError } from '../../../api/problem';
import type { ItemResponse } from '../api-types';

/** One answer as autosave and submit send it: per slot, the highest `seq` wins on the server. */
export interface AnswerInput {
  slot: string;
  seq: number;
  response: ItemResponse | null;
}

export type SaveStatus =
  | { kind: 'idle' }
  /** Changes wait for the typing to pause. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  /** The last save failed for a reason that may pass (network, server busy): it is tried again. */
  | { kind: 'retrying'; offline: boolean; failures: number }
  /** The attempt no longer takes answers (submitted, or its time ran out): nothing more is sent. */
  | { kind: 'closed'; error: ApiError }
  /** The server refused the answers as they are (a bug, not a network problem): retrying would not help. */
  | { kind: 'rejected'; error: ApiError };

export interface AutosaveOptions {
  send(answers: AnswerInput[]): Promise<void>;
  /** The first seq to hand out: above every seq this attempt used before (on the server or in this browser). */
  nextSeq: number;
  onStatus(status: SaveStatus): void;
  /** Called with each seq handed out, so it can be remembered across reloads. */
  onSeq?(seq: number): void;
  debounceMs?: number;
  retryDelaysMs?: readonly number[];
  online?: () => boolean;
  now?: () => number;
}

export const AUTOSAVE_DEBOUNCE_MS = 800;
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 15_000] as const;

type Verdict = 'retry' | 'closed' | 'rejected';

/** Network failures, timeouts, rate limits and server errors pass; 409 means the attempt is over; the rest will not pass. */
export function verdictOf(error: ApiError): Verdict {
  const { status } = error;
  if (status === 0 || status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  if (status === 409) return 'closed';
  return 'rejected';
}

/**
 * The autosave queue of one attempt: each change gets the next seq and replaces the slot's unsent answer;
 * after a pause in the changes, everything unsent goes in one request. One request at a time; a failed one
 * is retried with growing delays (at once when the browser comes back online) and changes made meanwhile
 * go with the retry.
 */
export class AutosaveQueue {
  private readonly pending = new Map<string, AnswerInput>();
  private seq: number;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;
  private status: SaveStatus = { kind: 'idle' };

  constructor(private readonly options: AutosaveOptions) {
    this.seq = Math.max(1, options.nextSeq);
  }

  /** Records a change of one slot's answer and schedules its save. */
  change(slot: string, response: ItemResponse | null): AnswerInput {
    const answer = { slot, seq: this.seq++, response };
    this.options.onSeq?.(answer.seq);
    this.enqueue(answer);
    return answer;
  }

  /** Puts back answers already numbered (kept across a reload, never confirmed by the server). */
  requeue(answers: readonly AnswerInput[]): void {
    for (const answer of answers) {
      this.seq = Math.max(this.seq, answer.seq + 1);
      this.enqueue(answer);
    }
  }

  /** Answers not yet confirmed by the server. */
  unsaved(): AnswerInput[] {
    return [...this.pending.values()];
  }

  /** The highest seq handed out so far (0 before any). */
  lastSeq(): number {
    return this.seq - 1;
  }

  current(): SaveStatus {
    return this.status;
  }

  /** Sends what is unsent now (submit calls it), waiting for a request in flight; gives up on a failure. */
  async flush(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      if (this.inFlight) await this.inFlight;
      this.clearTimers();
      if (this.pending.size === 0 || this.stopped) return;
      await this.send();
      if (this.status.kind !== 'saved' && this.status.kind !== 'pending') return;
    }
  }

  /** The browser is online again: retry without waiting out the delay. */
  retryNow(): void {
    if (this.retry === undefined || this.stopped) return;
    this.clearTimers();
    void this.send();
  }

  /** Sends nothing more (the attempt was submitted or the screen closed). */
  stop(): void {
    this.stopped = true;
    this.clearTimers();
  }

  /** Takes changes again after `stop()` (a submit that failed): what is unsent goes after the usual pause. */
  resume(): void {
    if (!this.stopped || this.status.kind === 'closed') return;
    this.stopped = false;
    if (this.pending.size > 0) this.armDebounce();
  }

  private enqueue(answer: AnswerInput): void {
    const held = this.pending.get(answer.slot);
    if (held && held.seq > answer.seq) return;
    this.pending.set(answer.slot, answer);
    if (this.stopped) return;
    // While a retry is scheduled the change simply goes with it.
    if (this.retry !== undefined) return;
    if (this.status.kind !== 'saving') this.setStatus({ kind: 'pending' });
    this.armDebounce();
  }

  private armDebounce(): void {
    if (this.debounce !== undefined) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.send();
    }, this.options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS);
  }

  private send(): Promise<void> {
    this.inFlight ??= this.sendBatch().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async sendBatch(): Promise<void> {
    const batch = this.unsaved();
    if (batch.length === 0 || this.stopped) return;
    this.setStatus({ kind: 'saving' });
    try {
      await this.options.send(batch);
    } catch (error) {
      this.failed(error instanceof ApiError ? error : new ApiError({ title: 'network', status: 0 }));
      return;
    }
    this.succeeded(batch);
  }

  private succeeded(batch: readonly AnswerInput[]): void {
    this.failures = 0;
    for (const answer of batch) {
      if (this.pending.get(answer.slot)?.seq === answer.seq) this.pending.delete(answer.slot);
    }
    if (this.pending.size === 0) {
      this.setStatus({ kind: 'saved', at: (this.options.now ?? Date.now)() });
      return;
    }
    // Changes made while the request was out go after the usual pause (a debounce that fired meanwhile found the request busy).
    this.setStatus({ kind: 'pending' });
    if (this.debounce === undefined && !this.stopped) this.armDebounce();
  }

  private failed(error: ApiError): void {
    const verdict = verdictOf(error);
    if (verdict === 'closed') {
      this.stop();
      this.setStatus({ kind: 'closed', error });
      return;
    }
    if (verdict === 'rejected') {
      this.setStatus({ kind: 'rejected', error });
      return;
    }
    this.failures += 1;
    const delays = this.options.retryDelaysMs ?? RETRY_DELAYS_MS;
    const delay = delays[Math.min(this.failures - 1, delays.length - 1)] ?? 1_000;
    const online = this.options.online ?? (() => globalThis.navigator?.onLine ?? true);
    this.setStatus({ kind: 'retrying', offline: !online(), failures: this.failures });
    if (this.stopped) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.send();
    }, delay);
  }

  private clearTimers(): void {
    if (this.debounce !== undefined) clearTimeout(this.debounce);
    if (this.retry !== undefined) clearTimeout(this.retry);
    this.debounce = undefined;
    this.retry = undefined;
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.options.onStatus(status);
  }
}
