// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SentEvent } from '../src/analytics/events';
import { pageTracker } from '../src/analytics/tracker';
import { usePageView } from '../src/analytics/use-page-view';
import CourseAnalytics, { REFRESH_MS } from '../src/areas/instructor/analytics/CourseAnalytics';
import MyProgress from '../src/areas/student/analytics/MyProgress';
import { QuestionBlock } from '../src/areas/student/lesson/QuestionBlock';
import { startSession } from '../src/auth/session';
import { json } from './support/fake-api';
import { renderScreen } from './support/render';

// The typed API client keeps the `fetch` it finds when it is created: the fake goes in before any import.
const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());

const COURSE = 'c0000000-0000-4000-8000-000000000001';
const LESSON = 'a0000000-0000-4000-8000-000000000001';
const ITEM = 'b0000000-0000-4000-8000-000000000001';
const STUDENT = 'd0000000-0000-4000-8000-000000000001';
const NOT_FOUND = () => json({ title: 'Not Found', status: 404 }, 404);
const calls = (method: string, path: string) => api.calls.filter((call) => call.method === method && call.path === path);
const sentEvents = () => calls('POST', '/api/v1/events').flatMap((call) => (call.body as { events: SentEvent[] }).events);

beforeAll(() => {
  const claims = btoa(JSON.stringify({ sub: STUDENT, tid: 't1', roles: ['student', 'instructor'] }));
  startSession('demo', { accessToken: `header.${claims}.signature`, refreshToken: 'r', expiresIn: 3600, sessionId: 's1' });
});
beforeEach(() => {
  api.calls.length = 0;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('learning events of a lesson', () => {
  it('answering a question sends an item attempt with the time from the question shown to the answer', async () => {
    api.answer((method, path) => {
      if (method === 'GET' && path === `/api/v1/lessons/${LESSON}/items/${ITEM}`) return json({ id: ITEM, version: 1, type: 'true_false', title: 'Prerequisites', stem: '<p>Skills chain.</p>', hints: [] });
      if (method === 'POST' && path === '/api/v1/adaptive/practice/answers') {
        return json({ responseId: 'r1', itemId: ITEM, correct: true, score: 1, maxScore: 1, feedback: { correct: true, fraction: 1, messages: [] }, mastery: [], reviews: [] });
      }
      if (method === 'POST' && path === '/api/v1/events') return json({ accepted: 1, duplicates: 0, rejected: [] }, 202);
      return NOT_FOUND();
    });
    renderScreen(<QuestionBlock lessonId={LESSON} itemId={ITEM} version={1} number={1} courseId={COURSE} checkable />);
    fireEvent.click(await screen.findByLabelText('True'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Check question 1' }));
    });
    await screen.findByTestId('answer-feedback');
    await pageTracker().flush();

    const [sent] = calls('POST', '/api/v1/events');
    expect(sent?.headers['authorization']).toMatch(/^Bearer header\./);
    const [attempt] = sentEvents();
    expect(attempt).toMatchObject({ type: 'item_attempt', courseId: COURSE, lessonId: LESSON, itemId: ITEM, correct: true, score: 1 });
    expect(attempt!.type === 'item_attempt' && attempt!.latencyMs).toBeGreaterThanOrEqual(30);
    expect(attempt!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leaving a lesson sends a page view with the time it was shown', async () => {
    api.answer((method, path) => (method === 'POST' && path === '/api/v1/events' ? json({ accepted: 1, duplicates: 0, rejected: [] }, 202) : NOT_FOUND()));
    function LessonStub() {
      usePageView(COURSE, LESSON);
      return <p>lesson</p>;
    }
    const { unmount } = renderScreen(<LessonStub />, `/learn/courses/${COURSE}/lessons/${LESSON}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    unmount();
    await pageTracker().flush();
    const [viewEvent] = sentEvents();
    expect(viewEvent).toMatchObject({ type: 'page_view', courseId: COURSE, lessonId: LESSON });
    expect(viewEvent!.type === 'page_view' && viewEvent!.durationMs).toBeGreaterThanOrEqual(250);
  });
});

const bucket = (start: string, extra: Record<string, unknown> = {}) => ({
  start, events: 0, activeUsers: 0, activeUsersExact: true, pageViews: 0, attempts: 0, correctRate: null, timeOnTaskMs: 0,
  videoViews: 0, videoCompletions: 0, lessonsCompleted: 0, searches: 0, latencyMs: [0, 0, 0], final: false, ...extra,
});

describe('the course analytics screen', () => {
  function answerAnalytics(events: () => number) {
    api.answer((method, path, _body, query) => {
      if (path === `/api/v1/analytics/courses/${COURSE}/activity`) {
        const from = new Date(query.get('from')!).getTime();
        const buckets = Array.from({ length: 60 }, (_, index) => bucket(new Date(from + index * 60_000).toISOString()));
        buckets[58] = bucket(buckets[58]!.start, { events: 3, activeUsers: 2, attempts: 2, correctRate: 0.5, pageViews: 1, timeOnTaskMs: 90_000 });
        buckets[59] = bucket(buckets[59]!.start, { events: events(), activeUsers: 1, attempts: 2, correctRate: 1 });
        return json({ latencyBoundsMs: [1000, 5000], buckets });
      }
      if (path === `/api/v1/analytics/courses/${COURSE}/activity.csv`) return new Response('start,events\r\n', { headers: { 'content-type': 'text/csv' } });
      if (path === `/api/v1/analytics/courses/${COURSE}/struggling`) return json({ items: [{ userId: STUDENT, attempts: 4, correctRate: 0.25, timeOnTaskMs: 600_000, lastSeen: '2026-03-02T10:00:00.000Z' }] });
      if (path === `/api/v1/analytics/courses/${COURSE}/hardest-items`) return json({ items: [{ itemId: ITEM, attempts: 5, correctRate: 0.2, meanLatencyMs: 12_000 }] });
      if (path === `/api/v1/courses/${COURSE}/roster`) return json({ items: [{ userId: STUDENT, name: 'Sam Student' }], nextCursor: null });
      if (path === `/api/v1/items/${ITEM}`) return json({ id: ITEM, title: 'Counting lessons' });
      return NOT_FOUND();
    });
  }
  const open = () => renderScreen(<Routes><Route path="/teach/courses/:courseId/analytics" element={<CourseAnalytics />} /></Routes>, `/teach/courses/${COURSE}/analytics`);
  const figure = (id: string) => screen.getByTestId(`figure-${id}`).querySelector('dd')?.textContent;

  it('shows the last hour\'s figures and chart, the struggling students and the hardest questions by name', async () => {
    answerAnalytics(() => 4);
    open();
    await screen.findByTestId('figure-events');
    expect(figure('events')).toBe('7');
    expect(figure('active-users')).toBe('2');
    expect(figure('attempts')).toBe('4');
    expect(figure('correct-rate')).toBe('75%');
    const [request] = calls('GET', `/api/v1/analytics/courses/${COURSE}/activity`);
    expect(request).toBeDefined();
    expect(screen.getByRole('img', { name: 'Events per minute, newest first' })).toBeTruthy();
    // Names come from the course's roster, which may answer after the ranking.
    await waitFor(() => expect(screen.getByTestId('struggling-student').textContent).toContain('Sam Student'));
    // Titles come from the item bank a moment after the ranking.
    expect((await within(await screen.findByTestId('hard-item')).findByRole('link', { name: 'Counting lessons' })).getAttribute('href')).toBe(`/teach/items/${ITEM}`);
  });

  it('asks again every five seconds and shows what changed', async () => {
    let events = 4;
    answerAnalytics(() => events);
    vi.useFakeTimers({ shouldAdvanceTime: true });
    open();
    await waitFor(() => expect(figure('events')).toBe('7'));
    events = 10;
    await act(() => vi.advanceTimersByTimeAsync(REFRESH_MS));
    await waitFor(() => expect(figure('events')).toBe('13'));
    expect(calls('GET', `/api/v1/analytics/courses/${COURSE}/activity`).length).toBeGreaterThanOrEqual(2);
  });

  it('downloads the hour as a CSV file', async () => {
    answerAnalytics(() => 4);
    const createObjectURL = vi.fn(() => 'blob:activity');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    open();
    await screen.findByTestId('figure-events');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    });
    await waitFor(() => expect(click).toHaveBeenCalled());
    const [download] = calls('GET', `/api/v1/analytics/courses/${COURSE}/activity.csv`);
    expect(download?.headers['authorization']).toMatch(/^Bearer /);
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });

  it('says a course that is not published has no analytics yet', async () => {
    api.answer((_method, path) => (path.startsWith('/api/v1/analytics/') ? json({ title: 'Not Found', status: 404, code: 'ANALYTICS.COURSE_NOT_FOUND' }, 404) : NOT_FOUND()));
    open();
    expect(await screen.findByText('Analytics start once the course is published.')).toBeTruthy();
  });
});

describe('my progress', () => {
  it('shows the streak, time per day over two weeks and each course\'s figures', async () => {
    const today = new Date().toISOString().slice(0, 10);
    api.answer((_method, path) => (path === '/api/v1/analytics/me'
      ? json({
        days: [{ day: today, events: 5, timeOnTaskMs: 1_200_000 }], streakDays: 3, totalTimeOnTaskMs: 5_400_000,
        courses: [{ courseId: COURSE, title: 'Getting started', attempts: 4, correctRate: 0.75, timeOnTaskMs: 5_400_000, lessonsCompleted: 2, lastSeen: '2026-03-02T10:00:00.000Z' }],
      })
      : NOT_FOUND()));
    renderScreen(<MyProgress />, '/learn/progress');
    expect((await screen.findByTestId('figure-streak')).textContent).toContain('3 days');
    expect(screen.getByTestId('figure-total-time').textContent).toContain('1.5 hr');
    const chart = screen.getByRole('img', { name: 'Time studied per day, last 14 days' });
    expect(chart.querySelectorAll('rect')).toHaveLength(14);
    const row = screen.getByTestId('my-course');
    expect(within(row).getByRole('link', { name: 'Getting started' }).getAttribute('href')).toBe(`/learn/courses/${COURSE}`);
    expect(row.textContent).toContain('75%');
  });
});
