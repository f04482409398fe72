// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/problem';
import { AutosaveIndicator } from '../src/areas/student/exam/AutosaveIndicator';
import { AutosaveQueue, type AnswerInput, type SaveStatus } from '../src/areas/student/exam/autosave';
import { recordAnswer, restoreAnswers } from '../src/areas/student/exam/journal';
import { freshExamEachTest, openAttempt } from './support/exam';
import { json } from './support/fake-api';
import { renderScreen } from './support/render';

// The typed API client keeps the `fetch` it finds when it is created: the fake goes in before any import.
const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());

const network = () => new ApiError({ title: 'network', status: 0 });
const tf = (value: boolean) => ({ type: 'true_false' as const, value });

function queue(send: (answers: AnswerInput[]) => Promise<void>, nextSeq = 1) {
  const statuses: SaveStatus['kind'][] = [];
  const q = new AutosaveQueue({ send, nextSeq, onStatus: (status) => statuses.push(status.kind), online: () => true });
  return { q, statuses };
}

freshExamEachTest(api);

describe('the autosave queue', () => {
  it('waits for a pause in the changes and sends only the newest answer of each slot', async () => {
    const send = vi.fn(async (_answers: AnswerInput[]) => undefined);
    const { q } = queue(send);
    q.change('f0', tf(true));
    await vi.advanceTimersByTimeAsync(500);
    q.change('f0', tf(false));
    q.change('f1', { type: 'short_text', text: 'forty-two' });
    await vi.advanceTimersByTimeAsync(700);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toEqual([
      { slot: 'f0', seq: 2, response: tf(false) },
      { slot: 'f1', seq: 3, response: { type: 'short_text', text: 'forty-two' } },
    ]);
  });

  it('hands out rising seqs over the whole attempt, continuing above what was used before', async () => {
    const send = vi.fn(async (_answers: AnswerInput[]) => undefined);
    const { q } = queue(send, 41);
    expect([q.change('f0', tf(true)).seq, q.change('f1', tf(true)).seq, q.change('f0', null).seq]).toEqual([41, 42, 43]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(q.change('f0', tf(false)).seq).toBe(44);
    expect(q.lastSeq()).toBe(44);
  });

  it('retries a failed save with the changes made meanwhile, then reports saved', async () => {
    const send = vi.fn<(answers: AnswerInput[]) => Promise<void>>().mockRejectedValueOnce(network()).mockResolvedValue(undefined);
    const { q, statuses } = queue(send);
    q.change('f0', tf(true));
    await vi.advanceTimersByTimeAsync(800);
    expect(send).toHaveBeenCalledTimes(1);
    expect(q.current().kind).toBe('retrying');
    q.change('f1', tf(false));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]![0].map((answer) => answer.slot)).toEqual(['f0', 'f1']);
    expect(q.current().kind).toBe('saved');
    expect(q.unsaved()).toEqual([]);
    expect(statuses).toEqual(['pending', 'saving', 'retrying', 'saving', 'saved']);
  });

  it('backs off between retries and retries at once when the browser is back online', async () => {
    const send = vi.fn<(answers: AnswerInput[]) => Promise<void>>().mockRejectedValue(network());
    const { q } = queue(send);
    q.change('f0', tf(true));
    await vi.advanceTimersByTimeAsync(800 + 1_000);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(3);
    send.mockResolvedValue(undefined);
    q.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(4);
    expect(q.current().kind).toBe('saved');
  });

  it('stops for good when the attempt is closed (409), and does not retry a refused answer (422)', async () => {
    const closed = queue(vi.fn().mockRejectedValue(new ApiError({ title: 'Conflict', status: 409, code: 'ASSESSMENT.DEADLINE_PASSED' })));
    closed.q.change('f0', tf(true));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(closed.q.current().kind).toBe('closed');
    closed.q.change('f0', tf(false));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(closed.statuses.filter((kind) => kind === 'saving')).toHaveLength(1);

    const refused = queue(vi.fn().mockRejectedValue(new ApiError({ title: 'Unprocessable', status: 422 })));
    refused.q.change('f0', tf(true));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refused.q.current().kind).toBe('rejected');
    expect(refused.statuses.filter((kind) => kind === 'saving')).toHaveLength(1);
  });

  it('holds changes while a submit is under way and sends them if the submit fails', async () => {
    const send = vi.fn(async (_answers: AnswerInput[]) => undefined);
    const { q } = queue(send);
    q.stop();
    q.change('f0', tf(true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(send).not.toHaveBeenCalled();
    q.resume();
    await vi.advanceTimersByTimeAsync(800);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends what is pending at once on flush (submit), without waiting for the pause', async () => {
    const send = vi.fn(async (_answers: AnswerInput[]) => undefined);
    const { q } = queue(send);
    q.change('f0', tf(true));
    await q.flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(q.unsaved()).toEqual([]);
  });
});

describe('answers across a reload', () => {
  it('prefers this browser’s newer answer, sends it again and keeps the seq rising', () => {
    recordAnswer('a9', { slot: 'f0', seq: 7, response: tf(false) });
    const slots = [
      { slot: 'f0', points: 1, item: { id: 'i', type: 'true_false', version: 1 }, answer: { seq: 5, response: tf(true), savedAt: '2026-03-02T10:00:00Z' } },
      { slot: 'f1', points: 1, item: { id: 'j', type: 'true_false', version: 1 }, answer: { seq: 9, response: tf(true), savedAt: '2026-03-02T10:00:00Z' } },
    ];
    const restored = restoreAnswers('a9', slots);
    expect(restored.responses).toEqual({ f0: tf(false), f1: tf(true) });
    expect(restored.unconfirmed).toEqual([{ slot: 'f0', seq: 7, response: tf(false) }]);
    expect(restored.nextSeq).toBe(10);
  });
});

describe('the autosave indicator', () => {
  const show = (status: SaveStatus) => renderScreen(<AutosaveIndicator status={status} />);

  it('shows each state, and announces only trouble and the recovery from it', () => {
    const { rerender, container } = show({ kind: 'saving' });
    const visible = () => container.querySelector('[data-testid="autosave"]')!;
    const live = () => screen.getByRole('status');
    expect(visible().textContent).toBe('Saving…');
    expect(live().textContent).toBe('');
    const at = new Date('2026-03-02T10:00:00Z').getTime();
    rerender(<AutosaveIndicator status={{ kind: 'retrying', offline: true, failures: 1 }} />);
    expect(visible().textContent).toMatch(/^Offline/);
    expect(live().textContent).toMatch(/^Offline/);
    rerender(<AutosaveIndicator status={{ kind: 'retrying', offline: false, failures: 2 }} />);
    expect(live().textContent).toMatch(/trying again/);
    rerender(<AutosaveIndicator status={{ kind: 'saved', at }} />);
    expect(visible().textContent).toMatch(/^All answers saved/);
    expect(live().textContent).toMatch(/^All answers saved/);
    rerender(<AutosaveIndicator status={{ kind: 'saving' }} />);
    rerender(<AutosaveIndicator status={{ kind: 'saved', at }} />);
    expect(live().textContent).toBe('');
  });
});

describe('autosave in the exam screen', () => {
  const SERVER_NOW = Date.parse('2026-03-02T10:00:00.000Z');
  const attempt = {
    id: 'a1', examId: 'e1', examVersion: 1, userId: 'u1', number: 1, status: 'in_progress', startedAt: new Date(SERVER_NOW).toISOString(),
    deadlineAt: new Date(SERVER_NOW + 30 * 60_000).toISOString(), serverTime: new Date(SERVER_NOW).toISOString(), submittedAt: null, submissionId: null,
    slots: [
      { slot: 'f0', points: 1, item: { id: 'i1', type: 'short_text', version: 1, title: 'Capital', stem: '<p>Capital of France?</p>' }, answer: { seq: 3, response: { type: 'short_text', text: 'Lyon' }, savedAt: new Date(SERVER_NOW).toISOString() } },
    ],
  };

  it('saves typing after a pause with the next seq, shows the failure and the recovery', async () => {
    vi.setSystemTime(SERVER_NOW);
    let failNext = true;
    api.answer((method, path) => {
      if (method === 'GET' && path === '/api/v1/attempts/a1') return json(attempt);
      if (method === 'POST' && path === '/api/v1/attempts/a1/answers') {
        if (failNext) {
          failNext = false;
          return json({ title: 'Service Unavailable', status: 503 }, 503);
        }
        return json({ status: 'accepted', attemptId: 'a1', acceptedAt: new Date().toISOString() }, 202);
      }
      return new Response(null, { status: 404 });
    });
    await openAttempt();
    const input = screen.getByRole('textbox', { name: /Capital of France/ }) as HTMLInputElement;
    expect(input.value).toBe('Lyon');
    fireEvent.change(input, { target: { value: 'Par' } });
    fireEvent.change(input, { target: { value: 'Paris' } });
    expect(screen.getByTestId('autosave').getAttribute('data-state')).toBe('pending');
    await act(() => vi.advanceTimersByTimeAsync(800));
    expect(screen.getByTestId('autosave').getAttribute('data-state')).toBe('retrying');
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.getByTestId('autosave').getAttribute('data-state')).toBe('saved');
    const saves = api.calls.filter((call) => call.path.endsWith('/answers')).map((call) => call.body);
    expect(saves).toEqual([
      { answers: [{ slot: 'f0', seq: 5, response: { type: 'short_text', text: 'Paris' } }] },
      { answers: [{ slot: 'f0', seq: 5, response: { type: 'short_text', text: 'Paris' } }] },
    ]);
  });
});
