// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Home from '../src/areas/student/Home';
import LearningPath from '../src/areas/student/LearningPath';
import PlacementTest from '../src/areas/student/PlacementTest';
import Practice from '../src/areas/student/Practice';
import { QuestionBlock } from '../src/areas/student/lesson/QuestionBlock';
import { json } from './support/fake-api';
import { renderScreen } from './support/render';

// The typed API client keeps the `fetch` it finds when it is created: the fake goes in before any import.
const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());

const COURSE = 'c0000000-0000-4000-8000-000000000001';
const counting = { id: 's0000000-0000-4000-8000-000000000001', name: 'Counting' };
const addition = { id: 's0000000-0000-4000-8000-000000000002', name: 'Addition' };

const trueFalse = { id: 'i1', version: 1, type: 'true_false', title: 'Counting: statement 1', stem: '<p>7 comes after 6.</p>', hints: ['<p>Count on your fingers.</p>', '<p>6, then 7.</p>'] };
const numeric = { id: 'i2', version: 1, type: 'numeric', title: 'Counting: sum 1', stem: '<p>What is 4 + 1?</p>', hints: [], unit: null };

const mastery = (pKnown: number) => ({
  userId: 'u1', masteryThreshold: 0.95, ability: { theta: 0, se: 1, responses: 0 },
  skills: [
    { skill: counting, pKnown, mastered: false, attempts: 0, successes: 0, reviewDueAt: null },
    { skill: addition, pKnown: 0.1, mastered: false, attempts: 0, successes: 0, reviewDueAt: null },
  ],
});

const next = (item: unknown, code: string, predictedSuccess: number) => ({
  item, skill: counting, reason: { code, text: 'server words', forSkill: null }, predictedSuccess, mastery: 0.3, dueReviews: 0, message: null,
});

beforeEach(() => {
  api.calls.length = 0;
});
afterEach(cleanup);

describe('adaptive practice', () => {
  it('checks an answer, shows the feedback, moves the mastery bar and brings the next question with its reason', async () => {
    let answered = false;
    api.answer((method, path) => {
      if (path === `/api/v1/courses/${COURSE}`) return json({ id: COURSE, title: 'Arithmetic practice' });
      if (path === '/api/v1/adaptive/settings') return json({ scheduler: 'fsrs' });
      if (path === '/api/v1/adaptive/mastery') return json(mastery(answered ? 0.55 : 0.3));
      if (path === '/api/v1/adaptive/next') return json(answered ? next(numeric, 'close_to_mastery', 0.8) : next(trueFalse, 'new_skill', 0.72));
      if (method === 'POST' && path === '/api/v1/adaptive/practice/answers') {
        answered = true;
        return json({
          responseId: 'r1', itemId: 'i1', correct: true, score: 1, maxScore: 1,
          feedback: { correct: true, fraction: 1, messages: ['<p>Well done.</p>'] },
          mastery: [{ skill: counting, before: 0.3, after: 0.55, mastered: false }], reviews: [],
        });
      }
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderScreen(<Routes><Route path="/learn/courses/:courseId/practice" element={<Practice />} /></Routes>, `/learn/courses/${COURSE}/practice`);

    expect((await screen.findByTestId('practice-reason')).textContent).toContain('New skill: Counting');
    expect(screen.getByTestId('predicted-success').textContent).toContain('72%');
    const bar = await screen.findByRole('progressbar', { name: 'Mastery of Counting' });
    expect(bar.getAttribute('aria-valuenow')).toBe('30');

    // Hints come one after another.
    fireEvent.click(screen.getByRole('button', { name: 'Show a hint' }));
    expect(screen.getByText('Count on your fingers.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show another hint' }));
    expect(screen.getByText('6, then 7.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show another hint' })).toBeNull();

    const check = screen.getByRole('button', { name: 'Check' });
    expect((check as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('True'));
    await act(async () => {
      fireEvent.click(check);
    });

    const feedback = await screen.findByTestId('answer-feedback');
    expect(feedback.textContent).toContain('Right!');
    expect(within(feedback).getByText('Well done.')).toBeTruthy();
    const post = api.calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({ itemId: 'i1', courseId: COURSE, response: { type: 'true_false', value: true } });
    expect(post?.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(screen.getByRole('progressbar', { name: 'Mastery of Counting' }).getAttribute('aria-valuenow')).toBe('55');
    expect(screen.getByText(/Up from 30% to 55%/)).toBeTruthy();
    await vi.waitFor(() => expect(api.calls.filter((call) => call.path === '/api/v1/adaptive/mastery')).toHaveLength(2));

    fireEvent.click(screen.getByRole('button', { name: 'Next question' }));
    await vi.waitFor(() => expect(screen.getByTestId('practice-reason').textContent).toContain('You are close to mastering Counting'));
    expect(screen.getByText('What is 4 + 1?')).toBeTruthy();
    expect(screen.queryByTestId('answer-feedback')).toBeNull();
    // Focus moves to the new question once it has rendered (an effect after the paint).
    await vi.waitFor(() => expect(screen.getByRole('heading', { name: 'Counting: sum 1' })).toBe(document.activeElement));
  });

  it('says why there is nothing to practise when every skill is mastered', async () => {
    api.answer((_method, path) => {
      if (path === '/api/v1/adaptive/next') return json({ item: null, skill: null, reason: null, predictedSuccess: null, mastery: null, dueReviews: 0, message: 'Every skill of this goal is mastered and no review is due. Well done!' });
      if (path === '/api/v1/adaptive/mastery') return json(mastery(0.97));
      if (path === '/api/v1/adaptive/settings') return json({ scheduler: 'sm2' });
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderScreen(<Routes><Route path="/learn/courses/:courseId/practice" element={<Practice />} /></Routes>, `/learn/courses/${COURSE}/practice`);
    expect(await screen.findByText(/Every skill of this goal is mastered/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Nothing to practise right now' })).toBeTruthy();
    expect(((await screen.findByLabelText('SM-2')) as HTMLInputElement).checked).toBe(true);
  });
});

describe('the learning path', () => {
  it('lists the skills in order with their status, P(known), questions left and lessons', async () => {
    api.answer((_method, path) => {
      if (path === '/api/v1/adaptive/paths') {
        return json({
          courseId: COURSE, itemsRemaining: 7,
          steps: [
            { skill: counting, status: 'mastered', pKnown: 0.97, itemsRemaining: 0, lessons: [{ lessonId: 'l1', title: 'Counting on' }] },
            { skill: addition, status: 'ready', pKnown: 0.2, itemsRemaining: 4, lessons: [{ lessonId: 'l2', title: 'Adding numbers' }] },
            { skill: { id: 's3', name: 'Subtraction' }, status: 'locked', pKnown: 0.1, itemsRemaining: 3, lessons: [] },
          ],
        });
      }
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderScreen(<Routes><Route path="/learn/courses/:courseId/path" element={<LearningPath />} /></Routes>, `/learn/courses/${COURSE}/path`);
    expect(await screen.findByText('About 7 questions to go.')).toBeTruthy();
    const steps = [...document.querySelectorAll<HTMLElement>('.path-step')];
    expect(steps.map((step) => within(step).getByRole('heading', { level: 2 }).textContent)).toEqual(['1. Counting', '2. Addition', '3. Subtraction']);
    expect(steps[0]!.textContent).toContain('Mastered');
    expect(steps[1]!.textContent).toContain('Ready to learn');
    expect(steps[1]!.textContent).toContain('About 4 questions left');
    expect(steps[2]!.textContent).toContain('Locked');
    expect(within(steps[1]!).getByRole('progressbar', { name: 'Mastery of Addition' }).getAttribute('aria-valuenow')).toBe('20');
    expect(within(steps[1]!).getByRole('link', { name: 'Adding numbers' }).getAttribute('href')).toBe(`/learn/courses/${COURSE}/lessons/l2`);
  });
});

const homeSections = (recommendations: unknown) => ({
  profile: { id: 'u1', name: 'Sam Student', email: 's@example.test', roles: ['student'] },
  courses: { items: [], more: false, continue: null },
  upcomingExams: { items: [] },
  recentResults: { items: [] },
  recommendations,
});

describe('the home recommendations', () => {
  it('shows each course\'s next step in words with the chance and a Practise link, the due reviews, and refreshes when the tab is back', async () => {
    let reason = { skill: counting, reasonCode: 'new_skill', predictedSuccess: 0.64 };
    api.answer((_method, path) => {
      const item = { courseId: COURSE, courseTitle: 'Arithmetic practice', reason: 'server words', ...reason };
      if (path === '/api/v1/me/home') return json(homeSections({ items: [item], dueReviews: [{ skill: addition, dueAt: '2026-01-05T09:00:00.000Z', scheduler: 'fsrs' }] }));
      if (path === '/api/v1/adaptive/recommendations') return json({ items: [item], dueReviews: [] });
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderScreen(<Home />, '/learn');
    const section = (await screen.findByRole('heading', { name: 'Recommended for you' })).closest('section')!;
    const entry = await within(section).findByTestId('recommendation');
    expect(entry.textContent).toContain('Arithmetic practice');
    expect(entry.textContent).toContain('New skill: Counting');
    expect(entry.textContent).toContain('64%');
    expect(within(entry).getByRole('link', { name: 'Practise Arithmetic practice' }).getAttribute('href')).toBe(`/learn/courses/${COURSE}/practice`);
    expect(within(section).getByText(/^Addition \(due /)).toBeTruthy();

    reason = { skill: addition, reasonCode: 'prerequisite', predictedSuccess: 0.7 };
    await act(async () => {
      globalThis.dispatchEvent(new Event('focus'));
    });
    await vi.waitFor(() => expect(within(section).getByTestId('recommendation').textContent).toContain('Needed for what comes next: Addition'));
    expect(within(section).getByText('No review is due.')).toBeTruthy();
    expect(api.calls.filter((call) => call.path === '/api/v1/me/home')).toHaveLength(1);
  });

  it('keeps the rest of the home when the adaptive service is down, and says when there is nothing to recommend', async () => {
    api.answer((_method, path) => (path === '/api/v1/me/home' ? json(homeSections({ error: { status: 503, title: 'Service Unavailable' } })) : json({ title: 'Not Found', status: 404 }, 404)));
    const { unmount } = renderScreen(<Home />, '/learn');
    const section = (await screen.findByRole('heading', { name: 'Recommended for you' })).closest('section')!;
    expect(section.textContent).toContain('This part could not be loaded right now');
    expect(screen.getByRole('heading', { name: 'My courses' })).toBeTruthy();
    unmount();

    api.answer((_method, path) => (path === '/api/v1/me/home' ? json(homeSections({ items: [], dueReviews: [] })) : json({ title: 'Not Found', status: 404 }, 404)));
    renderScreen(<Home />, '/learn');
    expect(await screen.findByText('Enroll in a course to get practice chosen for you.')).toBeTruthy();
  });
});

describe('a question in a lesson', () => {
  const lessonItem = (method: string, path: string) => {
    if (method === 'GET' && path === '/api/v1/lessons/l1/items/i1') return json(trueFalse);
    if (method === 'POST' && path === '/api/v1/adaptive/practice/answers') {
      return json({ responseId: 'r1', itemId: 'i1', correct: false, score: 0, maxScore: 1, feedback: { correct: false, fraction: 0, messages: [] }, mastery: [], reviews: [] });
    }
    return json({ title: 'Not Found', status: 404 }, 404);
  };

  it('is checked for an enrolled student, who may try again', async () => {
    api.answer(lessonItem);
    renderScreen(<QuestionBlock lessonId="l1" itemId="i1" version={2} number={1} courseId={COURSE} checkable />);
    fireEvent.click(await screen.findByLabelText('False'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Check question 1' }));
    });
    expect((await screen.findByTestId('answer-feedback')).textContent).toContain('Not quite.');
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({ itemId: 'i1', courseId: COURSE, response: { type: 'true_false', value: false } });
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByTestId('answer-feedback')).toBeNull();
    expect((screen.getByLabelText('False') as HTMLInputElement).checked).toBe(false);
  });

  it('is read-only for someone not enrolled', async () => {
    api.answer(lessonItem);
    renderScreen(<QuestionBlock lessonId="l1" itemId="i1" version={2} number={1} courseId={COURSE} checkable={false} />);
    expect(await screen.findByText('Enroll in the course to check your answers here.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Check/ })).toBeNull();
  });
});

describe('the placement test', () => {
  it('starts a session kept in the address, asks until the test stops, then shows the level in words', async () => {
    const session = { id: 't1', courseId: COURSE, status: 'in_progress', item: trueFalse, answered: 0, maxItems: 20, theta: 0, se: 1, targetSe: 0.3, stopReason: null, lastCorrect: null };
    api.answer((method, path) => {
      if (method === 'POST' && path === '/api/v1/adaptive/tests') return json(session, 201);
      if (method === 'GET' && path === '/api/v1/adaptive/tests/t1') return json(session);
      if (method === 'POST' && path === '/api/v1/adaptive/tests/t1/answers') return json({ ...session, status: 'finished', item: null, answered: 1, theta: 1.4, se: 0.28, stopReason: 'target_se', lastCorrect: true });
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderScreen(<Routes><Route path="/learn/courses/:courseId/placement" element={<PlacementTest />} /></Routes>, `/learn/courses/${COURSE}/placement`);
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Start the test' }));
    });
    expect((await screen.findByTestId('placement-progress')).textContent).toBe('Question 1 (at most 20)');
    fireEvent.click(screen.getByLabelText('True'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    });
    expect((await screen.findByTestId('placement-level')).textContent).toBe('You are well ahead in this course.');
    expect(screen.getByText('Estimated ability 1.4 (± 0.28) after 1 question.')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([
      { courseId: COURSE }, { itemId: 'i1', response: { type: 'true_false', value: true } },
    ]);
  });
});
