// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../src/areas/instructor/exams/exam-types';
import { ExamSettingsFields } from '../src/areas/instructor/exams/ExamSettingsFields';
import { freshExamEachTest, openAttempt } from './support/exam';
import { json } from './support/fake-api';
import { renderScreen } from './support/render';

// The typed API client keeps the `fetch` it finds when it is created: the fake goes in before any import.
const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());

// jsdom has <dialog> but not its modal methods: the submit confirmation needs them.
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};

const SERVER_NOW = Date.parse('2026-03-02T10:00:00.000Z');
const at = (ms: number) => new Date(SERVER_NOW + ms).toISOString();

const statement = (n: number) => ({ id: `i${n}`, type: 'true_false', version: 1, title: `Statement ${n}`, stem: `<p>Statement number ${n} is true.</p>` });
const answered = (n: number) => ({ slot: `a${n}`, points: 1, item: statement(n), answer: { seq: n, response: { type: 'true_false', value: true }, savedAt: at(0) } });
const waiting = (n: number) => ({ slot: `a${n}`, points: 1, item: statement(n), answer: null });

/** An adaptive attempt after `done` answers: the next question waits, unless the test is finished. */
function adaptiveAttempt(done: number, finished = false, deadlineMs = 20 * 60_000) {
  const slots: { slot: string; answer: unknown }[] = Array.from({ length: done }, (_, index) => answered(index + 1));
  if (!finished) slots.push(waiting(done + 1));
  return {
    id: 'a1', examId: 'e1', examVersion: 1, userId: 'u1', number: 1, status: 'in_progress', startedAt: at(-60_000), deadlineAt: at(deadlineMs),
    serverTime: at(0), submittedAt: null, submissionId: null, slots,
    adaptive: { answered: done, maxItems: 8, finished, stopReason: finished ? 'target_se' : null },
  };
}

const submission = {
  id: 's1', attemptId: 'a1', examId: 'e1', status: 'graded', released: true, score: 62.5, maxScore: 100, percent: 62.5, passed: true,
  late: false, penalty: null, items: null, ability: { theta: 0.42, standardError: 0.38 },
};

const posts = (suffix: string) => api.calls.filter((call) => call.method === 'POST' && call.path.endsWith(suffix)).map((call) => call.body);
const progress = () => screen.getByTestId('adaptive-progress');
const answerAndContinue = () => act(async () => {
  fireEvent.click(screen.getByRole('button', { name: 'Answer and continue' }));
  await vi.advanceTimersByTimeAsync(0);
});

freshExamEachTest(api);

describe('an adaptive exam attempt', () => {
  it('shows one question at a time, sends each answer to adaptive-answers and moves the focus to the next question', async () => {
    vi.setSystemTime(SERVER_NOW);
    let done = 1;
    api.answer((method, path) => {
      if (method === 'GET' && path === '/api/v1/attempts/a1') return json(adaptiveAttempt(done));
      if (method === 'POST' && path === '/api/v1/attempts/a1/adaptive-answers') {
        done += 1;
        return json(adaptiveAttempt(done));
      }
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    await openAttempt();

    // A resumed attempt continues at its current question; answered ones are not shown again.
    expect(screen.getAllByRole('heading', { level: 2, name: /^Question \d/ }).map((heading) => heading.textContent)).toEqual(['Question 2 (1 point)']);
    expect(screen.queryByText('Statement number 1 is true.')).toBeNull();
    expect(progress().textContent).toBe('Question 2 — at most 8');
    expect(progress().getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('time-left').textContent).toBe('20:00');
    expect(screen.queryByTestId('autosave')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit answers' })).toBeNull();

    const answer = screen.getByRole('button', { name: 'Answer and continue' }) as HTMLButtonElement;
    expect(answer.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('True'));
    expect(answer.disabled).toBe(false);
    await answerAndContinue();

    expect(posts('/adaptive-answers')).toEqual([{ slot: 'a2', response: { type: 'true_false', value: true } }]);
    expect(screen.getByText('Statement number 3 is true.')).toBeTruthy();
    expect(screen.queryByText('Statement number 2 is true.')).toBeNull();
    expect(progress().textContent).toBe('Question 3 — at most 8');
    // The new question starts unanswered and takes the focus from the button.
    expect((screen.getByLabelText('True') as HTMLInputElement).checked).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /^Question 3/ }));

    // A skipped question is sent as no answer.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skip this question' }));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(posts('/adaptive-answers')[1]).toEqual({ slot: 'a3', response: null });
    expect(progress().textContent).toBe('Question 4 — at most 8');
    // Nothing goes through autosave: the server takes adaptive answers only one at a time.
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(posts('/answers')).toEqual([]);
  });

  it('says when the test needs no more answers, then submits with no answers and shows the ability estimate', async () => {
    vi.setSystemTime(SERVER_NOW);
    let finished = false;
    api.answer((method, path) => {
      if (method === 'GET' && path === '/api/v1/attempts/a1') return json(adaptiveAttempt(finished ? 5 : 4, finished));
      if (method === 'POST' && path === '/api/v1/attempts/a1/adaptive-answers') {
        finished = true;
        return json(adaptiveAttempt(5, true));
      }
      if (method === 'POST' && path === '/api/v1/attempts/a1/submit') return json({ status: 'accepted', attemptId: 'a1', acceptedAt: at(1_000), submissionId: 's1', statusUrl: '/api/v1/submissions/s1' }, 202);
      if (method === 'GET' && path === '/api/v1/attempts/a1/submission') return json(submission);
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    await openAttempt();
    fireEvent.click(screen.getByLabelText('False'));
    await answerAndContinue();

    expect(screen.getByText(/You have answered every question this test needs/)).toBeTruthy();
    expect(progress().textContent).toBe('5 questions answered');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Test complete' }));
    expect(screen.queryByRole('button', { name: 'Answer and continue' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(screen.getByText('Every question is answered.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Submit now' }));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(posts('/submit')).toEqual([{ answers: [], lastSeq: 0 }]);
    expect(screen.getByText('Submission received.')).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(screen.getByTestId('result-score').textContent).toMatch(/^Score: 62\.5 of 100 \(62\.5%\)/);
    expect(screen.getByTestId('result-ability').textContent).toMatch(/^Estimated ability 0\.42 ± 0\.38 on the test's scale/);
  });

  it('shows a refused answer as a problem and, when the question moved on, continues at the current one', async () => {
    vi.setSystemTime(SERVER_NOW);
    let done = 2;
    api.answer((method, path) => {
      if (method === 'GET' && path === '/api/v1/attempts/a1') return json(adaptiveAttempt(done));
      if (method === 'POST' && path === '/api/v1/attempts/a1/adaptive-answers') {
        // Another tab answered question 3 meanwhile.
        done = 3;
        return json({ title: 'Conflict', status: 409, code: 'ASSESSMENT.NOT_CURRENT_ITEM', detail: 'Slot a3 is not the item attempt a1 waits for (a4)', currentSlot: 'a4' }, 409);
      }
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    await openAttempt();
    expect(progress().textContent).toBe('Question 3 — at most 8');
    fireEvent.click(screen.getByLabelText('True'));
    await answerAndContinue();

    expect(screen.getByRole('alert').textContent).toContain('This question was answered already, perhaps in another tab');
    expect(progress().textContent).toBe('Question 4 — at most 8');
    expect(screen.getByText('Statement number 4 is true.')).toBeTruthy();
  });

  it('offers only the submission once the time is up, and submits by itself at the deadline', async () => {
    vi.setSystemTime(SERVER_NOW);
    api.answer((method, path) => {
      if (method === 'GET' && path === '/api/v1/attempts/a1') return json(adaptiveAttempt(1, false, 3_000));
      if (method === 'POST' && path === '/api/v1/attempts/a1/adaptive-answers') {
        return json({ title: 'Conflict', status: 409, code: 'ASSESSMENT.DEADLINE_PASSED', detail: 'Attempt a1 closed at 2026-03-02T10:00:03.000Z' }, 409);
      }
      if (method === 'POST' && path === '/api/v1/attempts/a1/submit') return json({ status: 'accepted', attemptId: 'a1', acceptedAt: at(3_000), submissionId: 's1', statusUrl: '/api/v1/submissions/s1' }, 202);
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    await openAttempt();
    fireEvent.click(screen.getByLabelText('True'));
    await answerAndContinue();
    expect(screen.getByRole('alert').textContent).toContain('The time for this attempt is up');
    expect(screen.queryByRole('button', { name: 'Answer and continue' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Submit answers' })).toBeTruthy();

    await act(() => vi.advanceTimersByTimeAsync(3_500));
    expect(posts('/submit')).toEqual([{ answers: [], lastSeq: 0 }]);
    expect(screen.getByText(/submitted automatically/)).toBeTruthy();
  });
});

describe('the exam editor\'s adaptive settings', () => {
  const settings: Settings = {
    opensAt: null, closesAt: null, timeLimitMinutes: 20, attemptsAllowed: 1, gracePeriodSeconds: 0, latePolicy: { mode: 'reject' }, passingPercent: null,
    resultsRelease: 'immediately', feedbackRelease: 'immediately', partialCredit: 'all_or_nothing', negativeMarking: 0, shuffleItems: false, shuffleOptions: false,
  };

  it('turns adaptive testing on with the default stop rules, then shows and edits them', () => {
    const onChange = vi.fn<(next: Settings) => void>();
    const { rerender } = renderScreen(<ExamSettingsFields settings={settings} onChange={onChange} />);
    const box = screen.getByRole('checkbox', { name: 'Adaptive test' });
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toMatch(/random draw sections only/);
    expect(screen.queryByLabelText('Target standard error')).toBeNull();
    fireEvent.click(box);
    const on = onChange.mock.calls[0]![0];
    expect(on).toMatchObject({ adaptive: true, adaptiveStop: { standardError: 0.3, minItems: 5, maxItems: 20 } });

    rerender(<ExamSettingsFields settings={on} onChange={onChange} />);
    expect((screen.getByLabelText('Target standard error') as HTMLInputElement).value).toBe('0.3');
    fireEvent.change(screen.getByLabelText('Maximum questions'), { target: { value: '3' } });
    expect(onChange.mock.calls[1]![0].adaptiveStop).toEqual({ standardError: 0.3, minItems: 5, maxItems: 3 });
    rerender(<ExamSettingsFields settings={onChange.mock.calls[1]![0]} onChange={onChange} />);
    expect(screen.getByRole('alert').textContent).toBe('The minimum number of questions cannot be above the maximum.');
  });
});
