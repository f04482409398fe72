// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AdaptiveInsights from '../src/areas/instructor/adaptive/AdaptiveInsights';
import { json } from './support/fake-api';
import { renderScreen } from './support/render';

// The typed API client keeps the `fetch` it finds when it is created: the fake goes in before any import.
const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());

const COURSE = 'c0000000-0000-4000-8000-000000000001';
const ADA = 'a0000000-0000-4000-8000-000000000001';
const BOB = 'b0000000-0000-4000-8000-000000000002';
const counting = { id: 's1', name: 'Counting' };
const addition = { id: 's2', name: 'Addition' };
const settings = { courseId: COURSE, targetLow: 0.6, targetHigh: 0.85, masteryThreshold: 0.95, version: 3 };

function answerInsights(patch: (body: unknown) => Response) {
  api.answer((method, path, body) => {
    const base = `/api/v1/adaptive/courses/${COURSE}`;
    if (path === `${base}/mastery`) {
      return json({ courseId: COURSE, masteryThreshold: 0.95, skills: [counting, addition], students: [{ userId: ADA, mastery: [0.97, 0.42] }, { userId: BOB, mastery: [0.3, null] }], average: [0.635, 0.42] });
    }
    if (path === `${base}/at-risk`) return json({ courseId: COURSE, threshold: 0.6, items: [{ userId: BOB, expectedScore: 0.35, weakestSkills: [{ skill: counting, pKnown: 0.3 }] }] });
    if (path === `${base}/item-fit`) {
      return json({ courseId: COURSE, items: [
        { itemId: 'i1', title: 'Counting: sum 1', responses: 40, pCorrect: 0.5, a: -0.4, b: 0.1, infit: 1.5, pointBiserial: -0.2, flags: ['negative_discrimination', 'misfit'] },
        { itemId: 'i2', title: 'Counting: sum 2', responses: 40, pCorrect: 0.7, a: 1.1, b: -0.3, infit: 1, pointBiserial: 0.4, flags: [] },
      ] });
    }
    if (path === `${base}/settings` && method === 'GET') return new Response(JSON.stringify(settings), { headers: { 'content-type': 'application/json', etag: '"3"' } });
    if (path === `${base}/settings` && method === 'PATCH') return patch(body);
    if (path === `/api/v1/courses/${COURSE}/roster`) return json({ items: [{ userId: ADA, name: 'Ada Lovelace' }], nextCursor: null });
    return json({ title: 'Not Found', status: 404 }, 404);
  });
}

const open = () => renderScreen(<Routes><Route path="/teach/courses/:courseId/adaptive" element={<AdaptiveInsights />} /></Routes>, `/teach/courses/${COURSE}/adaptive`);

beforeEach(() => {
  api.calls.length = 0;
});
afterEach(cleanup);

describe('adaptive insights', () => {
  it('shows the class mastery as a captioned table whose cells carry the number as well as the colour', async () => {
    answerInsights(() => json({}));
    open();
    const table = await screen.findByRole('table', { name: /Mastery of each student on each skill/ });
    const headers = within(table).getAllByRole('columnheader').map((cell: HTMLElement) => cell.textContent);
    expect(headers).toEqual(['Student', 'Counting', 'Addition']);
    const ada = await within(table).findByRole('row', { name: /Ada Lovelace/ });
    const [mastered, middling] = within(ada).getAllByRole('cell');
    expect(mastered!.textContent).toBe('97% mastered');
    expect(mastered!.className).toBe('heat mastered');
    expect(middling!.textContent).toBe('42%');
    expect(middling!.className).toBe('heat mid');
    const bob = within(table).getByRole('row', { name: /Student b0000000/ });
    expect(within(bob).getAllByRole('cell')[1]!.textContent).toContain('not practised yet');
    expect(within(table).getByRole('row', { name: /Class average/ }).textContent).toContain('64%');

    // The others: who may struggle, which items look wrong (in words).
    expect((await screen.findByText(/expected score 35%/)).closest('li')!.textContent).toContain('weakest: Counting (30%)');
    const misfits = await screen.findByRole('table', { name: 'Questions whose statistics look wrong' });
    expect(within(misfits).getAllByRole('row')).toHaveLength(2);
    expect(misfits.textContent).toContain('Strong students get it wrong more often than weak ones');
    expect(misfits.textContent).not.toContain('Counting: sum 2');
  });

  it('saves the selection settings with If-Match and shows the API\'s field errors next to their fields', async () => {
    answerInsights((body) => {
      const sent = body as { targetLow: number };
      if (sent.targetLow < 0.05) return json({ title: 'Bad Request', status: 400, detail: 'body/targetLow must be >= 0.05', errors: [{ pointer: '/body/targetLow', detail: 'must be >= 0.05' }] }, 400);
      return new Response(JSON.stringify({ ...settings, ...(body as object), version: 4 }), { headers: { 'content-type': 'application/json', etag: '"4"' } });
    });
    open();
    const low = await screen.findByLabelText('Target band: lowest predicted success (%)');
    expect((low as HTMLInputElement).value).toBe('60');
    fireEvent.change(low, { target: { value: '1' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    });
    expect(await screen.findByText('Enter a value between 5% and 95%.')).toBeTruthy();
    expect(low.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(low, { target: { value: '55' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    });
    const patches = api.calls.filter((call) => call.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches[1]!.headers['if-match']).toBe('"3"');
    expect(patches[1]!.body).toEqual({ targetLow: 0.55, targetHigh: 0.85, masteryThreshold: 0.95 });
    await vi.waitFor(() => expect(screen.queryByText('Enter a value between 5% and 95%.')).toBeNull());
  });
});
