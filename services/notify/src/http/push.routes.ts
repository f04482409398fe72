import { Type } from '@sinclair/typebox';
import { personOf, type HttpApp } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { listPushSubscriptions, subscribePush, unsubscribePush } from '../app/push-subscriptions.js';
import { vapidKeys } from '../app/vapid.js';
import { NotifyPermissions } from '../contract/permissions.js';
import { PushKey, PushSubscription, PushSubscriptionInput, PushSubscriptionList, PushSubscriptionParams } from '../contract/push.js';

const tags = ['notifications'];

/** Web push for the signed-in user: the server's key to subscribe with, and their browsers' subscriptions. */
export async function pushRoutes(app: HttpApp, deps: NotifyDeps): Promise<void> {
  const readerOf = (request: Parameters<typeof personOf>[0]) => {
    const person = personOf(request);
    return { tenantId: person.tenantId, userId: person.subject };
  };

  app.get('/notifications/push/key', {
    config: { permission: NotifyPermissions.self },
    schema: { tags, summary: 'The server\'s VAPID public key: pass it as `applicationServerKey` to `pushManager.subscribe`', response: { 200: PushKey } },
  }, async () => ({ publicKey: (await vapidKeys(deps)).publicKey }));

  app.post('/notifications/push/subscriptions', {
    config: { permission: NotifyPermissions.self },
    schema: {
      tags, summary: 'Receive pushes in this browser: send its PushSubscription (`subscription.toJSON()`)',
      description: '201 for a new subscription; 200 with the existing one when the endpoint is already known (it becomes yours). 400 for an endpoint that is not https or keys of the wrong length.',
      body: PushSubscriptionInput, response: { 200: PushSubscription, 201: PushSubscription },
    },
  }, async (request, reply) => {
    const { subscription, created } = await subscribePush(deps, readerOf(request), request.body, request.headers['user-agent']);
    return reply.code(created ? 201 : 200).send(subscription);
  });

  app.get('/notifications/push/subscriptions', {
    config: { permission: NotifyPermissions.self },
    schema: { tags, summary: 'The browsers and devices that receive your pushes', response: { 200: PushSubscriptionList } },
  }, async (request) => ({ items: await listPushSubscriptions(deps, readerOf(request)) }));

  app.delete('/notifications/push/subscriptions/:subscriptionId', {
    config: { permission: NotifyPermissions.self },
    schema: { tags, summary: 'Stop pushes to one of your browsers', params: PushSubscriptionParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await unsubscribePush(deps, readerOf(request), request.params.subscriptionId);
    return reply.code(204).send(null);
  });
}
