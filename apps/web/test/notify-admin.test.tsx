// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import DeliveryLog from '../src/areas/notifications/admin/DeliveryLog';
import NotifySettingsPage from '../src/areas/notifications/admin/NotifySettingsPage';
import { changeOf, draftOf } from '../src/areas/notifications/admin/settings-draft';
import { base64UrlBytes } from '../src/areas/notifications/push/push-browser';
import { startSession } from '../src/auth/session';
import { json } from './support/fake-api';
import { renderScreen } from './support/render';

// The typed API client keeps the `fetch` it finds when it is created: the fake goes in before any import.
const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());

const SETTINGS = '/api/v1/admin/notifications/settings';
const DELIVERIES = '/api/v1/admin/notifications/deliveries';

const settings = (version: number, extra: Record<string, unknown> = {}) => ({
  sendsPerMinute: null, effectiveSendsPerMinute: 600, brandName: null, brandColor: null, brandLogoUrl: null, emailFooter: null, version, ...extra,
});
const withEtag = (body: { version: number }) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', etag: `"${body.version}"` } });
const calls = (method: string, path: string) => api.calls.filter((call) => call.method === method && call.path === path);

beforeAll(() => {
  const claims = btoa(JSON.stringify({ sub: 'admin-1', tid: 't1', roles: ['tenant_admin'] }));
  startSession('demo', { accessToken: `header.${claims}.signature`, refreshToken: 'r', expiresIn: 3600, sessionId: 's1' });
});

afterEach(() => {
  cleanup();
  api.calls.length = 0;
});

describe('the tenant\'s sending settings', () => {
  it('sends only what changed, an emptied field as null', () => {
    const saved = settings(3, { brandName: 'North College', sendsPerMinute: 50 }) as Parameters<typeof draftOf>[0];
    const draft = { ...draftOf(saved), brandName: '  ', brandColor: '#4338ca', sendsPerMinute: '120' };
    expect(changeOf(saved, draft)).toEqual({ brandName: null, brandColor: '#4338ca', sendsPerMinute: 120 });
    expect(changeOf(saved, { ...draftOf(saved), sendsPerMinute: '' })).toEqual({ sendsPerMinute: null });
    expect(changeOf(saved, draftOf(saved))).toEqual({});
  });

  it('shows the API\'s refusal of a field beside it, then saves with If-Match', async () => {
    let stored = settings(2);
    api.answer((method, path, body) => {
      if (method === 'GET' && path === SETTINGS) return withEtag(stored);
      if (method === 'PUT' && path === SETTINGS && (body as { brandColor?: string }).brandColor === 'blue') {
        return json({ title: 'Your request is not valid', status: 400, detail: 'The body is not valid', errors: [
          { pointer: '/body/brandColor', detail: 'must match pattern "^#[0-9a-fA-F]{6}$"' }, { pointer: '/body/brandColor', detail: 'must be null' },
        ] }, 400);
      }
      if (method === 'PUT' && path === SETTINGS) return withEtag(stored = settings(3, { ...(body as object), effectiveSendsPerMinute: 120 }));
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderScreen(<NotifySettingsPage />, '/admin/notifications/settings');
    const colour = await screen.findByLabelText('Brand colour') as HTMLInputElement;
    expect(screen.getByText('In force: the platform\'s limit of 600 messages a minute.')).toBeTruthy();

    fireEvent.change(colour, { target: { value: 'blue' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(colour.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${colour.id}-error`)?.textContent).toBe('Write the colour as # followed by six hexadecimal digits, e.g. #4338ca.');
    // The summary points at the fields instead of repeating the API's technical words.
    const summary = screen.getAllByRole('alert')[0]!;
    expect(summary.textContent).toBe('Some fields need a change: see the messages beside them.');
    expect(calls('PUT', SETTINGS)[0]).toMatchObject({ body: { brandColor: 'blue' }, headers: { 'if-match': '"2"' } });

    fireEvent.change(colour, { target: { value: '#4338ca' } });
    fireEvent.change(screen.getByLabelText('Messages per minute'), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByText(/^In force: your limit of 120 messages a minute\./)).toBeTruthy());
    expect(calls('PUT', SETTINGS)[1]).toMatchObject({ body: { brandColor: '#4338ca', sendsPerMinute: 120 }, headers: { 'if-match': '"2"' } });
    // The form starts again from what was saved: no error left beside the colour.
    expect((screen.getByLabelText('Brand colour') as HTMLInputElement).getAttribute('aria-invalid')).toBeNull();
    expect((screen.getByLabelText('Brand colour') as HTMLInputElement).value).toBe('#4338ca');
  });
});

describe('the delivery log', () => {
  it('lists deliveries with their status and filters by status', async () => {
    const delivery = {
      id: 'd1', notificationId: 'n1', userId: 'u1', channel: 'sms', status: 'failed', attempts: 3, lastError: 'provider refused: 21211',
      notBefore: null, createdAt: '2026-11-28T10:00:00.000Z', sentAt: null,
    };
    const asked: (string | null)[] = [];
    api.answer((method, path, _body, query) => {
      if (method === 'GET' && path === DELIVERIES) asked.push(query.get('status'));
      if (method === 'GET' && path === DELIVERIES) return json({ items: query.get('status') === 'held' ? [] : [delivery], nextCursor: null });
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderScreen(<DeliveryLog />, '/admin/notifications/deliveries');
    const row = (await screen.findAllByRole('row'))[1]!;
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual(['SMS', 'Failed', '3', 'provider refused: 21211']);

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'held' } });
    await waitFor(() => expect(screen.getByText('No delivery has this status.')).toBeTruthy());
    expect(asked[0]).toBeNull();
    expect(asked.at(-1)).toBe('held');
  });
});

describe('web push in the browser', () => {
  it('reads the server\'s base64url VAPID key as bytes', () => {
    const bytes = base64UrlBytes('BK0O7bTjQ2w9J2N22MmpUjj53L0K7CkptELGfPweN5prXceIEFJkw2gOFW11eY_sQhit2cWsm0BZYr642h9GmY0');
    expect(bytes.length).toBe(65);
    expect(bytes[0]).toBe(4);
    expect([...base64UrlBytes('-_8')]).toEqual([251, 255]);
  });
});
