import { Type } from '@sinclair/typebox';
import type { SigningKeyInfo, SigningKeys } from '../auth/signing-keys.js';
import { AppError } from '../errors.js';
import { principalOf } from '../http/auth-hook.js';
import type { HttpApp } from '../http/server.js';

/** The kernel permission to list, rotate and retire the token signing keys (platform admins only). */
export const MANAGE_SIGNING_KEYS = 'platform.signing_keys.manage';

const SigningKey = Type.Object({
  kid: Type.String(),
  algorithm: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('current'), Type.Literal('verifying-only'), Type.Literal('retired')]),
  retiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When the key stops (or stopped) verifying tokens; null for the current key',
  }),
});

const KidParams = Type.Object({ kid: Type.String({ minLength: 1, maxLength: 200 }) });

/**
 * Operators' view of the access-token signing keys: list them, rotate (a new key signs from now on, the
 * previous one verifies until its tokens have expired) and retire a leaked key at once. Never key material.
 */
export function registerSigningKeyRoutes(app: HttpApp, keys: SigningKeys): void {
  const config = { permission: MANAGE_SIGNING_KEYS };
  const tags = ['platform'];

  app.get('/api/v1/platform/signing-keys', {
    config,
    schema: { tags, summary: 'List the token signing keys', response: { 200: Type.Object({ items: Type.Array(SigningKey) }) } },
  }, async () => ({ items: (await keys.list()).map(present) }));

  app.post('/api/v1/platform/signing-keys/rotate', {
    config,
    schema: { tags, summary: 'Rotate the token signing key', response: { 201: SigningKey } },
  }, async (request, reply) => {
    const kid = await keys.rotate();
    request.log.info({ kid, by: principalOf(request).subject }, 'signing key rotated');
    return reply.code(201).send(present(await infoOf(keys, kid)));
  });

  app.post('/api/v1/platform/signing-keys/:kid/retire', {
    config,
    schema: { tags, summary: 'Retire a signing key at once (a leaked key)', params: KidParams, response: { 200: SigningKey } },
  }, async (request) => {
    const { kid } = request.params;
    const key = await infoOf(keys, kid);
    if (key.status === 'current') {
      throw new AppError('conflict', 'SIGNING_KEY.CURRENT', 'The current signing key cannot be retired; rotate first, then retire it');
    }
    if (key.status === 'retired') return present(key);
    await keys.retire(kid);
    request.log.warn({ kid, by: principalOf(request).subject }, 'signing key retired ahead of time');
    return present(await infoOf(keys, kid));
  });
}

async function infoOf(keys: SigningKeys, kid: string): Promise<SigningKeyInfo> {
  const key = (await keys.list()).find((candidate) => candidate.kid === kid);
  if (!key) throw new AppError('not_found', 'SIGNING_KEY.NOT_FOUND', `No signing key "${kid}"`);
  return key;
}

function present(key: SigningKeyInfo) {
  return {
    kid: key.kid,
    algorithm: key.algorithm,
    createdAt: key.createdAt.toISOString(),
    status: key.status,
    retiresAt: key.retiresAt?.toISOString() ?? null,
  };
}
