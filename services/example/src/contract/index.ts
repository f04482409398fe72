import { Type, type Static } from '@sinclair/typebox';

/** Event names published by the example service. */
export const ExampleEvents = {
  pingCreated: 'example.ping.created',
  pingUpdated: 'example.ping.updated',
} as const;

/** Permissions of the example service: every member of a tenant may read and write its pings. */
export const ExamplePermissions = {
  read: 'example.pings.read',
  write: 'example.pings.write',
  /** Change anyone's ping, not only one's own (the object-level check of `PATCH /pings/{id}`). */
  moderate: 'example.pings.moderate',
} as const;

/** Payload of `example.ping.created` and `example.ping.updated`. */
export const PingChangedPayload = Type.Object({ pingId: Type.String({ format: 'uuid' }), message: Type.String(), version: Type.Integer() });
export type PingChangedPayload = Static<typeof PingChangedPayload>;

/** Body of `POST /pings`. */
export const CreatePingBody = Type.Object({ message: Type.String({ minLength: 1, maxLength: 500 }) });
export type CreatePingBody = Static<typeof CreatePingBody>;

/** Body of `PATCH /pings/{id}`. */
export const UpdatePingBody = CreatePingBody;

/** A ping as the API returns it; `receipts` counts the consumer's (exactly-once) reactions. */
export const Ping = Type.Object({
  id: Type.String({ format: 'uuid' }),
  message: Type.String(),
  authorId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'Who wrote it; only they or a moderator may change it' }),
  version: Type.Integer(),
  receipts: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Ping = Static<typeof Ping>;
