// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { clockOffset, formatRemaining, remainingMs, startCountdown, thresholdCrossed } from '../src/areas/student/exam/countdown';
import { freshExamEachTest, openAttempt } from './support/exam';
import { json } from './support/fake-api';

// The typed API client keeps the `fetch` it finds when it is created: the fake goes in before any import.
const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());

const SERVER_NOW = Date.parse('2026-03-02T10:00:00.000Z');

function attempt(deadlineAt: string | null) {
  return {
    id: 'a1', examId: 'e1', examVersion: 1, userId: 'u1', number: 1, status: 'in_progress',
    startedAt: new Date(SERVER_NOW - 60_000).toISOString(), deadlineAt, serverTime: new Date(SERVER_NOW).toISOString(), submittedAt: null, submissionId: null,
    slots: [{ slot: 'f0', points: 1, item: { id: 'i1', type: 'true_false', version: 1, title: 'Q', stem: '<p>The sky is blue.</p>' }, answer: null }],
  };
}

/** The API of one attempt: GET, autosave, submit; no live stream (polling covers it). */
function serve(deadlineAt: string | null) {
  api.answer((method, path) => {
    if (method === 'GET' && path === '/api/v1/attempts/a1') return json(attempt(deadlineAt));
    if (method === 'POST' && path === '/api/v1/attempts/a1/answers') return json({ status: 'accepted', attemptId: 'a1', acceptedAt: new Date().toISOString() }, 202);
    if (method === 'POST' && path === '/api/v1/attempts/a1/submit') return json({ status: 'accepted', attemptId: 'a1', acceptedAt: new Date(SERVER_NOW).toISOString(), submissionId: 's1', statusUrl: '/api/v1/submissions/s1' }, 202);
    return json({ title: 'Not Found', status: 404 }, 404);
  });
}

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const timeLeft = () => screen.getByTestId('time-left').textContent;
const submits = () => api.calls.filter((call) => call.path.endsWith('/submit'));

freshExamEachTest(api);

describe('the exam countdown', () => {
  it('counts from the server deadline, whatever the client clock says', async () => {
    // This computer's clock is 47 minutes behind the server's: trusting it would show 57 minutes.
    vi.setSystemTime(SERVER_NOW - 47 * 60_000);
    serve(new Date(SERVER_NOW + 10 * 60_000).toISOString());
    await openAttempt();
    expect(timeLeft()).toBe('10:00');
    await advance(61_000);
    expect(timeLeft()).toBe('8:59');
    expect(screen.getByRole('timer', { name: 'Time left' })).toBeTruthy();
  });

  it('announces the last minutes politely, once each', async () => {
    vi.setSystemTime(SERVER_NOW + 5 * 60_000);
    serve(new Date(SERVER_NOW + 5 * 60_000 + 3_000).toISOString());
    await openAttempt();
    const region = screen.getByTestId('time-announcement');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    await advance(4_000);
    expect(region.textContent).toBe('5 minutes left.');
    await advance(60_000);
    expect(region.textContent).toBe('5 minutes left.');
    await advance(3 * 60_000);
    expect(region.textContent).toBe('1 minute left.');
  });

  it('submits by itself exactly once when the time is up, and says so', async () => {
    vi.setSystemTime(SERVER_NOW + 2 * 60 * 60_000);
    serve(new Date(SERVER_NOW + 3_000).toISOString());
    await openAttempt();
    await advance(2_000);
    expect(submits()).toHaveLength(0);
    await advance(1_500);
    expect(submits()).toHaveLength(1);
    await advance(30_000);
    expect(submits()).toHaveLength(1);
    expect(screen.getByText('Submission received.')).toBeTruthy();
    expect(screen.getByText(/submitted automatically/)).toBeTruthy();
  });

  it('submits at once an attempt whose time ran out while the page was closed', async () => {
    vi.setSystemTime(SERVER_NOW);
    serve(new Date(SERVER_NOW - 1_000).toISOString());
    await openAttempt();
    await advance(100);
    expect(submits()).toHaveLength(1);
  });
});

describe('countdown arithmetic', () => {
  it('measures the clock offset and rounds the time left up to whole seconds', () => {
    const offset = clockOffset('2026-03-02T10:00:00.000Z', SERVER_NOW - 5_000);
    expect(offset).toBe(5_000);
    expect(remainingMs('2026-03-02T10:01:00.000Z', offset, SERVER_NOW - 5_000)).toBe(60_000);
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(3_600_000 + 65_000)).toBe('1:01:05');
  });

  it('crosses each announcement threshold when the time goes past it, jumps included', () => {
    expect(thresholdCrossed(301_000, 300_000)).toBe(5);
    expect(thresholdCrossed(300_000, 299_000)).toBeNull();
    // A throttled background tab may jump past two thresholds: the nearest one is announced.
    expect(thresholdCrossed(11 * 60_000, 4 * 60_000)).toBe(5);
  });

  it('calls onExpire once, even when ticks keep coming late', () => {
    vi.setSystemTime(SERVER_NOW);
    const onExpire = vi.fn();
    const countdown = startCountdown({ deadlineAt: new Date(SERVER_NOW + 1_000).toISOString(), offsetMs: 0, onTick: () => undefined, onExpire });
    vi.advanceTimersByTime(10_000);
    countdown.stop();
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});
