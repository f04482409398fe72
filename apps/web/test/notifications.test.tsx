// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotificationBell } from '../src/areas/notifications/bell/NotificationBell';
import { NotificationsProvider } from '../src/areas/notifications/feed/NotificationsProvider';
import { appPathOf } from '../src/areas/notifications/links';
import NotificationsPage from '../src/areas/notifications/NotificationsPage';
import PreferencesPage from '../src/areas/notifications/preferences/PreferencesPage';
import { changeOf, draftOf } from '../src/areas/notifications/preferences/preferences-draft';
import { startSession } from '../src/auth/session';
import { json } from './support/fake-api';
import { renderScreen } from './support/render';

// The typed API client keeps the `fetch` it finds when it is created: the fake goes in before any import.
const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());

const STREAM = '/api/v1/notifications/stream';
const LIST = '/api/v1/notifications';
const PREFERENCES = '/api/v1/notifications/preferences';

/** A notification as the notify service sends it: a graded result, unread unless `readAt`. */
const notice = (id: string, title: string, minutesAgo = 5, readAt: string | null = null) => ({
  id, category: 'results', kind: 'result.ready', title, body: 'Your submission has been graded.', link: `/attempts/${id}-attempt`,
  createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(), readAt,
});

/** A Server-Sent Events response the test writes to, as the notify service would. */
function eventStream() {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({ start: (opened) => { controller = opened; } });
  return {
    response: () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    send: (event: string, data: unknown) => act(async () => {
      controller!.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }),
    end: () => controller?.close(),
  };
}

const calls = (method: string, path: string) => api.calls.filter((call) => call.method === method && call.path === path);
const bell = () => screen.getByTestId('notification-bell');

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

/** The shell's part: the provider holding the tab's stream, the bell, and where the app is. */
function renderBell() {
  return renderScreen(<NotificationsProvider active><NotificationBell /><Where /></NotificationsProvider>, '/learn');
}

let stream = eventStream();

beforeAll(() => {
  // A student's session: links of notifications lead into the student area.
  const claims = btoa(JSON.stringify({ sub: 'u1', tid: 't1', roles: ['student'] }));
  startSession('demo', { accessToken: `header.${claims}.signature`, refreshToken: 'r', expiresIn: 3600, sessionId: 's1' });
});

beforeEach(() => {
  api.calls.length = 0;
  stream = eventStream();
});

afterEach(() => {
  cleanup();
  stream.end();
});

describe('the notification bell', () => {
  it('shows the unread count from the stream and raises it live when a notification arrives, in the open panel too', async () => {
    let listed = [notice('n1', 'Graded: Quiz 1', 60)];
    api.answer((method, path) => {
      if (path === STREAM) return stream.response();
      if (method === 'GET' && path === LIST) return json({ items: listed, nextCursor: null });
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderBell();
    expect(bell().getAttribute('aria-label')).toBe('Notifications');

    await stream.send('ready', { unread: 1 });
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 1 unread');
    expect(screen.getByTestId('notification-count').textContent).toBe('1');

    fireEvent.click(bell());
    const panel = await screen.findByRole('region', { name: 'Latest notifications' });
    expect(await within(panel).findByRole('link', { name: 'Graded: Quiz 1' })).toBeTruthy();
    expect(calls('GET', LIST)).toHaveLength(1);

    const arrived = notice('n2', 'Graded: Midterm', 0);
    listed = [arrived, ...listed];
    await stream.send('notification', { type: 'notification', notification: arrived, unread: 2 });
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 2 unread');
    expect(screen.getByTestId('notification-count').textContent).toBe('2');
    // On top of the open list at once, without reading the list again; screen readers hear of it.
    expect(within(panel).getAllByTestId('notification').map((item) => item.querySelector('.notification-title')?.textContent)).toEqual(['Graded: Midterm', 'Graded: Quiz 1']);
    expect(within(panel).getAllByTestId('notification')[0]!.className).toBe('notification unread');
    expect(within(panel).getByText('now')).toBeTruthy();
    expect(calls('GET', LIST)).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('New notification: Graded: Midterm');

    // Read in another tab: the count follows and the list reads itself again.
    listed = listed.map((item) => ({ ...item, readAt: new Date().toISOString() }));
    await stream.send('unread', { type: 'unread', unread: 0 });
    expect(bell().getAttribute('aria-label')).toBe('Notifications, none unread');
    expect(screen.queryByTestId('notification-count')).toBeNull();
    await waitFor(() => expect(calls('GET', LIST)).toHaveLength(2));
    await waitFor(() => expect(within(panel).getAllByTestId('notification').every((item) => item.className === 'notification')).toBe(true));
    // One connection for the tab, however many things listen to it.
    expect(calls('GET', STREAM)).toHaveLength(1);
    expect(api.calls.find((call) => call.path === STREAM)?.headers.authorization).toMatch(/^Bearer header\./);
  });

  it('marks all read, and marks one read when it is opened and goes where it leads', async () => {
    api.answer((method, path) => {
      if (path === STREAM) return stream.response();
      if (method === 'GET' && path === LIST) return json({ items: [notice('n2', 'Graded: Midterm', 2), notice('n1', 'Graded: Quiz 1', 90)], nextCursor: null });
      if (method === 'POST' && path === '/api/v1/notifications/read-all') return json({ marked: 2, unread: 0 });
      if (method === 'POST' && path === '/api/v1/notifications/n2/read') return json({ marked: 1, unread: 1 });
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderBell();
    await stream.send('ready', { unread: 2 });
    fireEvent.click(bell());
    const panel = await screen.findByRole('region', { name: 'Latest notifications' });
    await within(panel).findByRole('link', { name: 'Graded: Midterm' });

    // Opening one marks it read and follows its link into the student area; the panel closes.
    fireEvent.click(within(panel).getByRole('link', { name: 'Graded: Midterm' }));
    expect(screen.getByTestId('where').textContent).toBe('/learn/attempts/n2-attempt');
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, 1 unread'));
    expect(calls('POST', '/api/v1/notifications/n2/read')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'Latest notifications' })).toBeNull();

    fireEvent.click(bell());
    const again = await screen.findByRole('region', { name: 'Latest notifications' });
    await within(again).findByRole('link', { name: 'Graded: Quiz 1' });
    fireEvent.click(within(again).getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, none unread'));
    expect(calls('POST', '/api/v1/notifications/read-all')).toHaveLength(1);
    expect(within(again).queryAllByText('Unread:')).toEqual([]);
    expect((within(again).getByRole('button', { name: 'Mark all read' }) as HTMLButtonElement).disabled).toBe(true);

    // The service tells every tab, this one too: the count it already has needs no new read of the list.
    const listReads = calls('GET', LIST).length;
    await stream.send('unread', { type: 'unread', unread: 0 });
    expect(calls('GET', LIST)).toHaveLength(listReads);

    // Escape closes the panel and gives the focus back to the bell.
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Latest notifications' })).toBeNull();
    expect(document.activeElement).toBe(bell());
  });

  it('closes the tab\'s stream on sign-out', () => {
    const close = vi.fn();
    const openFeed = vi.fn(() => ({ close }));
    function SignedIn() {
      const [active, setActive] = useState(true);
      return <NotificationsProvider active={active} openFeed={openFeed}><button type="button" onClick={() => setActive(false)}>Sign out</button></NotificationsProvider>;
    }
    renderScreen(<SignedIn />);
    expect(openFeed).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(close).toHaveBeenCalledTimes(1);
  });
});

describe('the notifications page', () => {
  it('pages with "Load more", filters to the unread ones and marks one read', async () => {
    const pages: Record<string, unknown> = {
      'limit=20': { items: [notice('n1', 'Graded: Quiz 1', 10, new Date().toISOString())], nextCursor: 'c2' },
      'limit=20&cursor=c2': { items: [notice('n2', 'Graded: Quiz 2', 3 * 24 * 60, new Date().toISOString())], nextCursor: null },
      'limit=20&unread=true': { items: [notice('n3', 'Graded: Midterm', 1)], nextCursor: null },
    };
    api.answer((method, path, _body, query) => {
      if (path === STREAM) return stream.response();
      if (method === 'GET' && path === LIST && pages[query.toString()]) return json(pages[query.toString()]);
      if (method === 'POST' && path === '/api/v1/notifications/n3/read') return json({ marked: 1, unread: 1 });
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderScreen(<NotificationsProvider active><NotificationsPage /></NotificationsProvider>, '/notifications');
    await stream.send('ready', { unread: 1 });
    expect(await screen.findByRole('link', { name: 'Graded: Quiz 1' })).toBeTruthy();
    expect(screen.getByTestId('unread-summary').textContent).toBe('1 unread');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Graded: Quiz 2' })).toBeTruthy();
    expect(screen.getByText('3 days ago')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    fireEvent.click(screen.getByLabelText('Unread only'));
    expect(await screen.findByRole('link', { name: 'Graded: Midterm' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Graded: Quiz 1' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mark read: Graded: Midterm' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark read: Graded: Midterm' })).toBeNull());
    expect(calls('POST', '/api/v1/notifications/n3/read')).toHaveLength(1);
  });
});

describe('notification links', () => {
  it('lead a student into the student area, staff to their course, and nowhere outside the app', () => {
    expect(appPathOf('/attempts/a1', ['student'])).toBe('/learn/attempts/a1');
    expect(appPathOf('/practice', ['student'])).toBe('/learn/practice');
    expect(appPathOf('/courses/c1', ['instructor'])).toBe('/teach/courses/c1');
    expect(appPathOf('/learn/grades', ['student'])).toBe('/learn/grades');
    expect(appPathOf('//evil.example/x', ['student'])).toBeNull();
    expect(appPathOf('https://evil.example/x', ['student'])).toBeNull();
    expect(appPathOf(null, ['student'])).toBeNull();
  });
});

const channels = (email: boolean) => ({ inApp: true, email, push: false, sms: false });
const preferences = (version: number, extra: Record<string, unknown> = {}) => ({
  categories: { results: channels(true), reminders: channels(true), billing: channels(true), course_updates: channels(false), marketing: { ...channels(false), inApp: false }, grading: channels(true) },
  quietHours: null, timeZone: 'Europe/Paris', digest: 'immediate', version, ...extra,
});
const withEtag = (body: { version: number }) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', etag: `"${body.version}"` } });

describe('the notification preferences', () => {
  it('send only what changed, with If-Match, and start someone who never chose in the browser\'s time zone', () => {
    const saved = preferences(3) as Parameters<typeof draftOf>[0];
    const draft = draftOf(saved);
    draft.categories.marketing.email = true;
    draft.quietOn = true;
    expect(changeOf(saved, draft)).toEqual({ categories: { marketing: { email: true } }, quietHours: { start: '22:00', end: '07:00' } });
    expect(draftOf({ ...saved, version: 1, timeZone: 'UTC' }, 'America/Toronto').timeZone).toBe('America/Toronto');
    expect(draftOf(saved, 'America/Toronto').timeZone).toBe('Europe/Paris');
  });

  it('saves with If-Match, then shows a change made elsewhere (412) and reloads on request', async () => {
    let stored = preferences(4);
    let staleNext = false;
    api.answer((method, path) => {
      if (method === 'GET' && path === PREFERENCES) return withEtag(stored);
      if (method === 'PUT' && path === PREFERENCES) {
        if (staleNext) {
          stored = preferences(6, { digest: 'weekly' });
          return json({ title: 'Precondition Failed', status: 412, code: 'NOTIFY.PREFERENCES_CHANGED', detail: 'Your preferences changed meanwhile (now version 6): read them again' }, 412);
        }
        stored = preferences(5, { categories: { ...preferences(5).categories, results: channels(false) } });
        return withEtag(stored);
      }
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderScreen(<PreferencesPage />, '/account/notifications');
    const resultsEmail = await screen.findByRole('checkbox', { name: 'Email for Results' }) as HTMLInputElement;
    expect(resultsEmail.checked).toBe(true);
    expect(screen.getByText(/Push notifications and text messages \(SMS\) are delivered once your institution has set those channels up/)).toBeTruthy();
    expect(screen.getByText(/The in-app list is never held/)).toBeTruthy();
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe('Europe/Paris');

    fireEvent.click(resultsEmail);
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(calls('PUT', PREFERENCES)).toHaveLength(1));
    const first = calls('PUT', PREFERENCES)[0]!;
    expect(first.headers['if-match']).toBe('"4"');
    expect(first.body).toEqual({ categories: { results: { email: false } } });
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Email for Results' }) as HTMLInputElement).checked).toBe(false));

    // Another tab saved meanwhile: the next save is refused, said plainly, and a reload shows their change.
    staleNext = true;
    fireEvent.click(screen.getByLabelText('Hold email, push and SMS during quiet hours'));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '21:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your notification settings were changed elsewhere');
    const second = calls('PUT', PREFERENCES)[1]!;
    expect(second.headers['if-match']).toBe('"5"');
    expect(second.body).toEqual({ quietHours: { start: '21:30', end: '07:00' } });
    fireEvent.click(within(alert).getByRole('button', { name: 'Reload settings' }));
    await waitFor(() => expect((screen.getByLabelText('One email a week with everything') as HTMLInputElement).checked).toBe(true));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the time zone the service does not know (400)', async () => {
    api.answer((method, path) => {
      if (method === 'GET' && path === PREFERENCES) return withEtag(preferences(2));
      if (method === 'PUT' && path === PREFERENCES) {
        return json({ title: 'Bad Request', status: 400, code: 'NOTIFY.TIME_ZONE_UNKNOWN', detail: 'Mars/Olympus is not a time zone', errors: [{ pointer: '/body/timeZone', detail: 'must be an IANA time zone, e.g. Europe/Paris' }] }, 400);
      }
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    renderScreen(<PreferencesPage />, '/account/notifications');
    const zone = await screen.findByLabelText('Time zone') as HTMLSelectElement;
    fireEvent.change(zone, { target: { value: 'America/Toronto' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getAllByRole('alert').length).toBeGreaterThan(0));
    expect(calls('PUT', PREFERENCES)[0]!.body).toEqual({ timeZone: 'America/Toronto' });
    expect(screen.getAllByRole('alert')[0]!.textContent).toContain('Tessera does not know the time zone “America/Toronto”');
    expect(screen.getByText('Choose another time zone.')).toBeTruthy();
  });
});
