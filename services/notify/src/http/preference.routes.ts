import { etagOf, personOf, versionFromIfMatch, type HttpApp } from '@tessera/platform';
import type { NotifyDeps } from '../app/deps.js';
import { changePreferences, preferencesOf } from '../app/preferences.js';
import { NotifyPermissions } from '../contract/permissions.js';
import { Preferences, PreferencesInput } from '../contract/schemas.js';

const tags = ['notifications'];

/** The signed-in user's notification preferences: channels per category, quiet hours, digest. */
export async function preferenceRoutes(app: HttpApp, deps: NotifyDeps): Promise<void> {
  app.get('/notifications/preferences', {
    config: { permission: NotifyPermissions.self },
    schema: { tags, summary: 'Your notification preferences (defaults until you change them), with their ETag', response: { 200: Preferences } },
  }, async (request, reply) => {
    const person = personOf(request);
    const preferences = await preferencesOf(deps, { tenantId: person.tenantId, userId: person.subject });
    return reply.header('etag', etagOf(preferences.version)).send(preferences);
  });

  app.put('/notifications/preferences', {
    config: { permission: NotifyPermissions.self },
    schema: {
      tags, summary: 'Change your notification preferences (If-Match: the ETag read); only what the body names changes',
      description: '412 when they changed since you read them; 400 for an unknown time zone or a malformed body.',
      body: PreferencesInput, response: { 200: Preferences },
    },
  }, async (request, reply) => {
    const person = personOf(request);
    const preferences = await changePreferences(deps, { tenantId: person.tenantId, userId: person.subject }, versionFromIfMatch(request), request.body);
    return reply.header('etag', etagOf(preferences.version)).send(preferences);
  });
}
