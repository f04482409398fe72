/**
 * The browser's side of web push: the service worker (`public/assets/push-sw.js`) and its PushManager.
 * The worker sits under /assets/ (the only folder the API serves as files), so its scope is /assets/: it
 * controls no page, which push does not need, but `navigator.serviceWorker.ready` (the controlling worker
 * of this page) never resolves for it — hence `activated`.
 */
export const PUSH_WORKER_URL = '/assets/push-sw.js';
const PUSH_WORKER_SCOPE = '/assets/';

/** Why this browser cannot receive pushes, if it cannot. */
export type PushSupport = 'supported' | 'no-service-worker' | 'no-push' | 'insecure';

export function pushSupport(): PushSupport {
  if (!window.isSecureContext) return 'insecure';
  if (!('serviceWorker' in navigator)) return 'no-service-worker';
  if (!('PushManager' in window) || !('Notification' in window)) return 'no-push';
  return 'supported';
}

/** What the browser says about notifications from this site: 'granted', 'denied' or 'default' (not asked yet). */
export function notificationPermission(): NotificationPermission {
  return 'Notification' in window ? Notification.permission : 'denied';
}

/** This browser's current push subscription to this site, if it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(PUSH_WORKER_SCOPE);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Registers the push worker (or finds it registered) and waits until it is active: only then can it subscribe. */
export async function registerPushWorker(): Promise<ServiceWorkerRegistration> {
  const registration = await navigator.serviceWorker.register(PUSH_WORKER_URL, { scope: PUSH_WORKER_SCOPE });
  await activated(registration);
  return registration;
}

function activated(registration: ServiceWorkerRegistration): Promise<void> {
  if (registration.active) return Promise.resolve();
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return Promise.reject(new Error('the push service worker did not install'));
  return new Promise((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      if (worker.state === 'redundant') reject(new Error('the push service worker did not install'));
    });
  });
}

/** Subscribes this browser with its push service for the server's VAPID key (`userVisibleOnly`: each push shows a notification). */
export function subscribeWith(registration: ServiceWorkerRegistration, publicKey: string): Promise<PushSubscription> {
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlBytes(publicKey) });
}

/** Bytes of a base64url string (the VAPID key's form); `applicationServerKey` wants them raw in older browsers. */
export function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
