import { Type, type Static } from '@sinclair/typebox';
import { DisplayName } from './schemas.js';

/** Every API key starts with this; the HTTP kit hands such bearer credentials to identity's verifier. */
export const API_KEY_PREFIX = 'tsk_';

/** A permission an API key may hold (a declared permission name, e.g. `identity.users.read`). */
export const ApiKeyScope = Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9_.-]+$' });

const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

export const CreateApiKeyBody = Type.Object({
  name: DisplayName,
  scopes: Type.Array(ApiKeyScope, { minItems: 1, maxItems: 50, uniqueItems: true }),
  expiresAt: Type.Optional(Type.String({ format: 'date-time', description: 'In the future, at most two years away; none: the key lives until revoked' })),
});
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

/** An API key as listed: never its secret. */
export const ApiKey = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  prefix: Type.String({ description: 'Enough of the key to recognise it, e.g. `tsk_…3f9a`' }),
  scopes: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
  createdBy: Type.String({ format: 'uuid' }),
  createdAt: Timestamp,
  expiresAt: NullableTimestamp,
  lastUsedAt: Type.Union([Timestamp, Type.Null()], { description: 'Updated at most once a minute' }),
  revokedAt: NullableTimestamp,
});
export type ApiKey = Static<typeof ApiKey>;

/** The answer to creating a key: the only time the full key (`key`) is ever shown. */
export const CreatedApiKey = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Timestamp,
  expiresAt: NullableTimestamp,
  key: Type.String({ description: 'Send as `Authorization: Bearer <key>`. Shown once: store it now.' }),
});
export type CreatedApiKey = Static<typeof CreatedApiKey>;
