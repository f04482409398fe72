import { Type } from '@sinclair/typebox';
import { AUTHENTICATED, PUBLIC, principalOf, type HttpApp } from '@tessera/platform';
import type { IdentityDeps } from '../app/deps.js';
import { refreshSession, signOut } from '../app/sessions.js';
import { signIn } from '../app/sign-in.js';
import { OpaqueToken, SignInBody, SignInResult, TokenPair } from '../contract/schemas.js';
import { clientOf } from './request-info.js';

const tags = ['auth'];

/** Password sign-in, token refresh and sign-out. */
export async function authRoutes(app: HttpApp, deps: IdentityDeps): Promise<void> {
  app.post('/auth/sign-in', {
    config: { permission: PUBLIC },
    schema: {
      tags,
      summary: 'Sign in with email and password',
      description: 'Answers tokens, or a challenge when a second factor is needed (or must be set up first). Every failure is the same 401.',
      body: SignInBody,
      response: { 200: SignInResult },
    },
  }, async (request) => signIn(deps, { ...request.body, hostname: request.hostname }, clientOf(request)));

  app.post('/auth/refresh', {
    config: { permission: PUBLIC },
    schema: {
      tags,
      summary: 'Exchange a refresh token for new tokens (the refresh token rotates)',
      description: 'A refresh token works once. Presenting a used one again revokes the whole session.',
      body: Type.Object({ refreshToken: OpaqueToken }),
      response: { 200: TokenPair },
    },
  }, async (request) => refreshSession(deps, request.body.refreshToken));

  app.post('/auth/sign-out', {
    config: { permission: AUTHENTICATED, optionalBody: true },
    schema: {
      tags,
      summary: 'Sign out of this session, or of every session with `everywhere`',
      body: Type.Object({ everywhere: Type.Optional(Type.Boolean()) }),
      response: { 200: Type.Object({ revokedSessions: Type.Integer() }) },
    },
  }, async (request) => ({
    revokedSessions: await signOut(deps, principalOf(request), { all: request.body.everywhere === true }),
  }));
}
