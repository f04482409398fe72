import { api, unwrap } from '../../../api/client';
import type { paths } from '../../../api/openapi';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type PushDevice = Json<paths['/api/v1/notifications/push/subscriptions']['get']['responses'][200]>['items'][number];
type SubscriptionBody = paths['/api/v1/notifications/push/subscriptions']['post']['requestBody']['content']['application/json'];

/** The server's VAPID public key (base64url), to subscribe with. */
export async function fetchPushKey(): Promise<string> {
  return (await unwrap(api.GET('/api/v1/notifications/push/key'))).publicKey;
}

/** The signed-in user's browsers and devices that receive pushes. */
export async function fetchPushDevices(): Promise<PushDevice[]> {
  return (await unwrap(api.GET('/api/v1/notifications/push/subscriptions'))).items;
}

/** Tells the server where to push to this browser (the subscription as `toJSON()` gives it). */
export function saveSubscription(subscription: PushSubscription): Promise<PushDevice> {
  return unwrap(api.POST('/api/v1/notifications/push/subscriptions', { body: subscription.toJSON() as SubscriptionBody }));
}

export async function removePushDevice(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/notifications/push/subscriptions/{subscriptionId}', { params: { path: { subscriptionId: id } } }));
}
