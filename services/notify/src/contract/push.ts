import { Type, type Static } from '@sinclair/typebox';

const Base64Url = (description: string) => Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+={0,2}$', description });

/** The server's VAPID public key: the browser's `applicationServerKey` for `pushManager.subscribe`. */
export const PushKey = Type.Object({
  publicKey: Type.String({ description: 'uncompressed P-256 public key, base64url' }),
});
export type PushKey = Static<typeof PushKey>;

/** Body of `POST /notifications/push/subscriptions`: what the browser's `PushSubscription.toJSON()` gives. */
export const PushSubscriptionInput = Type.Object({
  endpoint: Type.String({ minLength: 1, maxLength: 2048, description: 'the push service URL (https)' }),
  expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  keys: Type.Object({
    p256dh: Base64Url('the browser\'s P-256 public key: 65 bytes, uncompressed'),
    auth: Base64Url('the browser\'s 16-byte authentication secret'),
  }),
});
export type PushSubscriptionInput = Static<typeof PushSubscriptionInput>;

/** One of the user's push subscriptions (a browser or device that receives pushes). */
export const PushSubscription = Type.Object({
  id: Type.String({ format: 'uuid' }),
  endpoint: Type.String(),
  userAgent: Type.Union([Type.String(), Type.Null()], { description: 'the browser that subscribed, as it named itself' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastSuccessAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'when a push last reached its push service' }),
});
export type PushSubscription = Static<typeof PushSubscription>;

export const PushSubscriptionList = Type.Object({ items: Type.Array(PushSubscription) });

export const PushSubscriptionParams = Type.Object({ subscriptionId: Type.String({ format: 'uuid' }) });
