// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SentEvent } from '../src/analytics/events';
import { FLUSH_AT, FLUSH_EVERY_MS, MAX_QUEUED, newEventId, Tracker, type TrackerDeps } from '../src/analytics/tracker';

const COURSE = 'c0000000-0000-4000-8000-000000000001';
const LESSON = 'l0000000-0000-4000-8000-000000000001';

interface Post {
  events: SentEvent[];
  headers: Record<string, string>;
  keepalive: boolean;
}

/** A tracker whose requests are recorded and answered with `status` (a thrown error when it is 0: the network). */
function trackerWith(options: { status?: () => number; user?: () => string | null } = {}) {
  const posts: Post[] = [];
  let next = 0;
  const deps: TrackerDeps = {
    userId: options.user ?? (() => 'u1'),
    headers: async () => ({ authorization: 'Bearer token-1' }),
    post: async (body, headers, keepalive) => {
      posts.push({ events: (JSON.parse(body) as { events: SentEvent[] }).events, headers, keepalive });
      const status = options.status?.() ?? 202;
      if (status === 0) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ accepted: 1, duplicates: 0, rejected: [] }), { status });
    },
    now: () => new Date(),
    newId: () => `e${++next}`,
  };
  return { tracker: new Tracker(deps), posts };
}

/** The duration of a page view the tracker sent (these tests send page views only, but for one). */
const durationOf = (event: SentEvent) => ('durationMs' in event ? event.durationMs : undefined);
const view = (durationMs = 1000) => ({ type: 'page_view' as const, courseId: COURSE, lessonId: LESSON, durationMs });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-02T10:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the event tracker', () => {
  it('sends a batch five seconds after the first event, each event with an id and the time it happened', async () => {
    const { tracker, posts } = trackerWith();
    tracker.track(view(1200));
    await vi.advanceTimersByTimeAsync(1000);
    tracker.track({ type: 'item_attempt', courseId: COURSE, lessonId: LESSON, itemId: 'i1', correct: true, latencyMs: 800 });
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS - 1001);
    expect(posts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toEqual({
      headers: { authorization: 'Bearer token-1' },
      keepalive: false,
      events: [
        { type: 'page_view', courseId: COURSE, lessonId: LESSON, durationMs: 1200, id: 'e1', time: '2026-03-02T10:00:00.000Z' },
        { type: 'item_attempt', courseId: COURSE, lessonId: LESSON, itemId: 'i1', correct: true, latencyMs: 800, id: 'e2', time: '2026-03-02T10:00:01.000Z' },
      ],
    });
    expect(tracker.pending).toBe(0);
    // Nothing queued, nothing sent.
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS * 3);
    expect(posts).toHaveLength(1);
  });

  it(`sends at once when ${FLUSH_AT} events are queued`, async () => {
    const { tracker, posts } = trackerWith();
    for (let index = 0; index < FLUSH_AT - 1; index += 1) tracker.track(view());
    await vi.advanceTimersByTimeAsync(0);
    expect(posts).toHaveLength(0);
    tracker.track(view());
    await vi.advanceTimersByTimeAsync(0);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.events).toHaveLength(FLUSH_AT);
  });

  it('keeps a batch that failed (network, server, rate limit) and sends the same events again on the next flush', async () => {
    const statuses = [0, 503, 429, 202];
    const { tracker, posts } = trackerWith({ status: () => statuses.shift() ?? 202 });
    tracker.track(view());
    for (let attempt = 0; attempt < 4; attempt += 1) await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS);
    expect(posts.map((post) => post.events.map((event) => event.id))).toEqual([['e1'], ['e1'], ['e1'], ['e1']]);
    expect(tracker.pending).toBe(0);
  });

  it('drops a batch the service refused for good (invalid events would never be accepted)', async () => {
    const { tracker, posts } = trackerWith({ status: () => 422 });
    tracker.track(view());
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS * 3);
    expect(posts).toHaveLength(1);
    expect(tracker.pending).toBe(0);
  });

  it(`keeps at most ${MAX_QUEUED} events while the service is unreachable, the newest`, async () => {
    const { tracker, posts } = trackerWith({ status: () => 0 });
    for (let index = 0; index < MAX_QUEUED + 20; index += 1) tracker.track(view(index));
    await vi.advanceTimersByTimeAsync(0);
    expect(tracker.pending).toBe(MAX_QUEUED);
    // A failed batch waits for the timer: a full queue does not retry at once.
    expect(posts).toHaveLength(1);
    tracker.track(view(MAX_QUEUED + 20));
    await vi.advanceTimersByTimeAsync(0);
    expect(posts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS);
    expect(posts).toHaveLength(2);
    const retried = posts[1]!.events.map((event) => durationOf(event));
    expect(retried).toHaveLength(MAX_QUEUED);
    expect([retried[0], retried.at(-1)]).toEqual([21, MAX_QUEUED + 20]);
  });

  it('sends nothing, and keeps nothing, while signed out; another user never sends the previous one\'s events', async () => {
    let user: string | null = null;
    const { tracker, posts } = trackerWith({ user: () => user });
    tracker.track(view());
    expect(tracker.pending).toBe(0);
    user = 'u1';
    tracker.track(view(1));
    user = 'u2';
    tracker.track(view(2));
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.events.map((event) => durationOf(event))).toEqual([2]);
  });

  it('on leaving the page ends what screens measure first, then sends with keepalive', async () => {
    const { tracker, posts } = trackerWith();
    tracker.install(window);
    tracker.onLeave(() => tracker.track(view(4321)));
    tracker.track(view(1));
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.keepalive).toBe(true);
    expect(posts[0]!.events.map((event) => durationOf(event))).toEqual([1, 4321]);
  });

  it('sends when the page is hidden (the last moment a browser reliably lets it), not when it is shown', async () => {
    const { tracker, posts } = trackerWith();
    tracker.install(window);
    tracker.track(view());
    const visibility = vi.spyOn(document, 'visibilityState', 'get');
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(posts).toHaveLength(0);
    visibility.mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.keepalive).toBe(true);
    visibility.mockRestore();
  });

  it('keeps what leaves with the page under the keepalive limit; the rest stays queued', async () => {
    const { tracker, posts } = trackerWith({ status: () => 0 });
    // Queue many events while the service is down, then leave.
    for (let index = 0; index < MAX_QUEUED; index += 1) tracker.track({ ...view(index), path: `/learn/courses/${COURSE}/lessons/${LESSON}` });
    await vi.advanceTimersByTimeAsync(0);
    posts.length = 0;
    tracker.leave();
    await vi.advanceTimersByTimeAsync(0);
    const sentBytes = JSON.stringify({ events: posts[0]!.events }).length;
    expect(sentBytes).toBeLessThanOrEqual(60_000);
    expect(posts[0]!.events.length).toBeLessThan(MAX_QUEUED);
  });

  it('makes event ids the service accepts', () => {
    expect(newEventId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
