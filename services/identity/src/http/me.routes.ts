import { Type } from '@sinclair/typebox';
import { AppError, AUTHENTICATED, etagOf, principalOf, versionFromIfMatch, type HttpApp } from '@tessera/platform';
import { changeOwnPassword } from '../app/change-password.js';
import type { IdentityDeps } from '../app/deps.js';
import { exportOwnData, OwnDataExport } from '../app/export-own-data.js';
import { ownProfile, updateOwnProfile, userPrincipal } from '../app/profile.js';
import { activeSessions, signOut } from '../app/sessions.js';
import { GivenPassword, IdParams, NewPassword, Session, UpdateProfileBody, User } from '../contract/schemas.js';

const tags = ['me'];
const signedIn = { permission: AUTHENTICATED };

/** The signed-in person's own account: profile, preferences, password, sessions and data export. API keys get 403. */
export async function meRoutes(app: HttpApp, deps: IdentityDeps): Promise<void> {
  app.get('/me', {
    config: signedIn,
    schema: { tags, summary: 'Your profile and preferences', response: { 200: User } },
  }, async (request, reply) => {
    const user = await ownProfile(deps, principalOf(request));
    return reply.header('etag', etagOf(user.version)).send(user);
  });

  app.patch('/me', {
    config: signedIn,
    schema: {
      tags,
      summary: 'Change your name, locale, time zone or preferences (requires If-Match)',
      description: 'Preferences are merged: send only the settings you change.',
      headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
      body: UpdateProfileBody,
      response: { 200: User },
    },
  }, async (request, reply) => {
    const principal = userPrincipal(principalOf(request));
    const user = await updateOwnProfile(deps, principal, request.body, versionFromIfMatch(request));
    return reply.header('etag', etagOf(user.version)).send(user);
  });

  app.put('/me/password', {
    config: signedIn,
    schema: {
      tags,
      summary: 'Change your password',
      description: 'Every other session is signed out; this one stays. Wrong current passwords count towards the sign-in lockout.',
      body: Type.Object({ currentPassword: GivenPassword, newPassword: NewPassword }),
      response: { 204: Type.Null() },
    },
  }, async (request, reply) => {
    await changeOwnPassword(deps, principalOf(request), request.body);
    return reply.code(204).send(null);
  });

  app.get('/me/sessions', {
    config: signedIn,
    schema: { tags, summary: 'Your active sessions (devices signed in)', response: { 200: Type.Object({ items: Type.Array(Session) }) } },
  }, async (request) => ({ items: await activeSessions(deps, userPrincipal(principalOf(request))) }));

  app.delete('/me/sessions/:id', {
    config: signedIn,
    schema: { tags, summary: 'Sign out one of your sessions', params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const revoked = await signOut(deps, userPrincipal(principalOf(request)), { all: false, sessionId: request.params.id });
    if (revoked === 0) throw new AppError('not_found', 'IDENTITY.SESSION_NOT_FOUND', `You have no active session ${request.params.id}`);
    return reply.code(204).send(null);
  });

  app.get('/me/export', {
    config: signedIn,
    schema: { tags, summary: 'Download everything Tessera holds about you (JSON)', response: { 200: OwnDataExport } },
  }, async (request, reply) => {
    const exported = await exportOwnData(deps, principalOf(request));
    return reply
      .header('content-disposition', `attachment; filename="tessera-account-${exported.userId}.json"`)
      .header('cache-control', 'no-store')
      .send(exported);
  });
}
