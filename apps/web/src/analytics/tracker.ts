import { API_ORIGIN, authHeaders } from '../api/client';
import { getSession } from '../auth/session';
import type { SentEvent, TrackedEvent } from './events';

/** A batch goes out this long after the first event queued, unless it filled up first. */
export const FLUSH_EVERY_MS = 5_000;
/** Queued events that send at once. */
export const FLUSH_AT = 50;
/** Events kept while the service cannot be reached; the oldest go first. */
export const MAX_QUEUED = 500;
/** Browsers refuse keepalive requests beyond 64 KiB in flight: what leaves with the page stays under that. */
const LEAVING_BODY_BYTES = 60_000;

/** What the tracker needs from the browser and the session, replaceable in tests. */
export interface TrackerDeps {
  /** The signed-in user, or null when nobody is. */
  userId(): string | null;
  /** The Authorization header of the API client (refreshing the token first when it is about to expire). */
  headers(): Promise<Record<string, string>>;
  post(body: string, headers: Record<string, string>, keepalive: boolean): Promise<Response>;
  now(): Date;
  newId(): string;
}

interface Queued {
  /** Whose event it is: a batch is sent as its user only (someone else may sign in on the same tab). */
  userId: string;
  event: SentEvent;
}

/**
 * Queues the signed-in user's learning events and sends them in batches to `POST /api/v1/events`: five
 * seconds after the first, at fifty, and when the page is hidden or left (a keepalive request outlives the
 * page). A failed batch stays queued for the next try; the service deduplicates by event id, so a batch it
 * stored but could not answer is counted once when it comes again.
 */
export class Tracker {
  private queue: Queued[] = [];
  private sending = false;
  /** The last batch failed: until the timer's next try, a full queue does not send at once (no burst of doomed requests). */
  private backingOff = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly leaveListeners = new Set<() => void>();

  constructor(private readonly deps: TrackerDeps) {}

  /** Queues `event` for the signed-in user; nothing is kept when signed out. */
  track(event: TrackedEvent): void {
    const userId = this.deps.userId();
    if (!userId) return;
    this.queue.push({ userId, event: { ...event, id: this.deps.newId(), time: this.deps.now().toISOString() } });
    if (this.queue.length > MAX_QUEUED) this.queue.splice(0, this.queue.length - MAX_QUEUED);
    if (this.queue.length >= FLUSH_AT && !this.backingOff) void this.flush();
    else this.schedule();
  }

  /** Events waiting to be sent (for tests and diagnostics). */
  get pending(): number {
    return this.queue.length;
  }

  /**
   * Runs `listener` when the page is hidden or left, before the last batch goes: a screen ends what it
   * measures there (a page view's duration) so it leaves with the page. Answers the unsubscribe.
   */
  onLeave(listener: () => void): () => void {
    this.leaveListeners.add(listener);
    return () => this.leaveListeners.delete(listener);
  }

  /** The page is being hidden or left: what screens measure ends, and everything queued goes with keepalive. */
  leave(): void {
    for (const listener of this.leaveListeners) listener();
    void this.send(true);
  }

  /** Sends the queued events now (one batch at a time; a flush while one is in flight waits for the next turn). */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      this.backingOff = !(await this.send(false));
    } finally {
      this.sending = false;
    }
    if (this.queue.length >= FLUSH_AT && !this.backingOff) void this.flush();
    else this.schedule();
  }

  /** Listens for the page being hidden or left. */
  install(window: Window): void {
    window.addEventListener('pagehide', () => this.leave());
    window.document.addEventListener('visibilitychange', () => {
      if (window.document.visibilityState === 'hidden') this.leave();
    });
  }

  private schedule(): void {
    if (this.timer !== null || this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, FLUSH_EVERY_MS);
  }

  /** Sends the queued events of the signed-in user; answers false when they had to stay queued. */
  private async send(leaving: boolean): Promise<boolean> {
    const userId = this.deps.userId();
    // Events of someone who signed out stay until they sign in again; another user's never go.
    if (!userId) return true;
    this.queue = this.queue.filter((queued) => queued.userId === userId);
    const batch = leaving ? this.takeWithin(LEAVING_BODY_BYTES) : this.queue.splice(0);
    if (batch.length === 0) return true;
    const done = await this.post(batch, leaving);
    if (!done) this.putBack(batch);
    return done;
  }

  /** The oldest events whose batch stays within `maxBytes`, taken off the queue (at least one). */
  private takeWithin(maxBytes: number): Queued[] {
    let bytes = '{"events":[]}'.length;
    let count = 0;
    for (const queued of this.queue) {
      bytes += JSON.stringify(queued.event).length + 1;
      if (bytes > maxBytes && count > 0) break;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  /** Whether the batch is done with: accepted, or refused for good (sending it again would not help). */
  private async post(batch: Queued[], keepalive: boolean): Promise<boolean> {
    try {
      const response = await this.deps.post(JSON.stringify({ events: batch.map((queued) => queued.event) }), await this.deps.headers(), keepalive);
      return !isRetryable(response.status);
    } catch {
      return false;
    }
  }

  private putBack(batch: Queued[]): void {
    this.queue = [...batch, ...this.queue].slice(-MAX_QUEUED);
  }
}

/** Failures that may pass: the network, an expired token, the rate limit, the server. Others (invalid events) never will. */
function isRetryable(status: number): boolean {
  return status === 401 || status === 408 || status === 429 || status >= 500;
}

/** `crypto.randomUUID` exists only on secure origins (not plain http to a LAN address); random bytes exist everywhere. */
export function newEventId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const browserDeps: TrackerDeps = {
  userId: () => getSession()?.userId ?? null,
  headers: authHeaders,
  // `fetch` is looked up on each call: tests install theirs after this module loads.
  post: (body, headers, keepalive) => fetch(`${API_ORIGIN}/api/v1/events`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body, keepalive }),
  now: () => new Date(),
  newId: newEventId,
};

let shared: Tracker | null = null;

/** The page's tracker, listening for the page being hidden or left from its first use. */
export function pageTracker(): Tracker {
  if (!shared) {
    shared = new Tracker(browserDeps);
    if (typeof window !== 'undefined') shared.install(window);
  }
  return shared;
}

/** Records a learning event of the signed-in user (sent within seconds, or when the page is left). */
export function track(event: TrackedEvent): void {
  pageTracker().track(event);
}

/** Runs `listener` when the page is hidden or left, before the last batch goes (see `Tracker.onLeave`). */
export function onPageLeave(listener: () => void): () => void {
  return pageTracker().onLeave(listener);
}
