/* global self -- a service worker's global scope (ServiceWorkerGlobalScope). */
/*
 * Tessera's web push service worker (registered by the notification settings page, /account/notifications).
 * It lives under /assets/ because the API serves only that folder as files (every other path answers with
 * the app's page). It has no fetch handler: it controls no page, it only shows pushes and opens their links.
 *
 * A push's data is JSON: { title, body, url, tag }.
 */
self.addEventListener('install', () => {
  // A new version takes over at once: there is no page state it could break.
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('push', (event) => {
  const message = readPush(event);
  event.waitUntil(self.registration.showNotification(message.title, {
    body: message.body,
    tag: message.tag,
    data: { url: message.url },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || '/notifications', self.location.origin);
  // Only the app's own pages: a push cannot send the user elsewhere.
  const target = url.origin === self.location.origin ? url.href : new URL('/notifications', self.location.origin).href;
  event.waitUntil(focusOrOpen(target));
});

/** The push's message; a push without readable JSON still shows something rather than nothing (userVisibleOnly). */
function readPush(event) {
  let data;
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  return {
    title: typeof data.title === 'string' && data.title ? data.title : 'Tessera',
    body: typeof data.body === 'string' ? data.body : '',
    url: typeof data.url === 'string' ? data.url : '/notifications',
    tag: typeof data.tag === 'string' && data.tag ? data.tag : undefined,
  };
}

/** Focuses a tab of the app already showing `target`, else one of its tabs navigated there, else a new one. */
async function focusOrOpen(target) {
  const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const same = tabs.find((tab) => tab.url === target);
  if (same) return same.focus();
  const ours = tabs.find((tab) => new URL(tab.url).origin === self.location.origin);
  if (ours && 'navigate' in ours) {
    const moved = await ours.navigate(target).catch(() => null);
    if (moved) return moved.focus();
  }
  return self.clients.openWindow(target);
}
