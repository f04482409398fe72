import { asApiError, type ApiError } from '../../../api/problem';
import { fetchPushKey, saveSubscription, type PushDevice } from './push-api';
import { registerPushWorker, subscribeWith } from './push-browser';

/** How long the browser's push service may take to subscribe before the page says it did not answer. */
const SUBSCRIBE_TIMEOUT_MS = 30_000;

/** Where turning push on stopped, so the page can say it plainly (the browser's own words go in `reason`). */
export type PushOutcome =
  | { kind: 'on'; device: PushDevice }
  | { kind: 'denied' }
  | { kind: 'dismissed' }
  | { kind: 'worker-failed'; reason: string }
  | { kind: 'subscribe-failed'; reason: string }
  | { kind: 'api-failed'; error: ApiError };

/**
 * "Turn on notifications on this device": the browser's permission, the service worker, a subscription
 * with the browser's push service for the server's key, and that subscription sent to the server.
 */
export async function turnOnPush(): Promise<PushOutcome> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return { kind: 'denied' };
  if (permission !== 'granted') return { kind: 'dismissed' };
  let key: string;
  try {
    key = await fetchPushKey();
  } catch (error) {
    return { kind: 'api-failed', error: asApiError(error) };
  }
  let registration: ServiceWorkerRegistration;
  try {
    registration = await registerPushWorker();
  } catch (error) {
    return { kind: 'worker-failed', reason: reasonOf(error) };
  }
  let subscription: PushSubscription;
  try {
    subscription = await withTimeout(subscribeWith(registration, key), SUBSCRIBE_TIMEOUT_MS);
  } catch (error) {
    return { kind: 'subscribe-failed', reason: reasonOf(error) };
  }
  try {
    return { kind: 'on', device: await saveSubscription(subscription) };
  } catch (error) {
    // The server does not know it, so nothing would arrive: the browser's subscription goes too.
    await subscription.unsubscribe().catch(() => false);
    return { kind: 'api-failed', error: asApiError(error) };
  }
}

/** The browser's words for a failure: DOMExceptions carry a name ("AbortError") and a message. */
function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the push service within ${ms / 1000} seconds`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
