import { Type } from '@sinclair/typebox';
import { hasPermission, personOf, type HttpApp } from '@tessera/platform';
import type { FastifyRequest } from 'fastify';
import { announcementsPage, cancelAnnouncement, createAnnouncement, getAnnouncement, previewAnnouncement, type Announcer } from '../app/announcements.js';
import type { NotifyDeps } from '../app/deps.js';
import { Announcement, AnnouncementInput, AnnouncementPreview, AnnouncementQuery } from '../contract/announcements.js';
import { NotifyPermissions } from '../contract/permissions.js';

const tags = ['notifications'];
const AnnouncementParams = Type.Object({ announcementId: Type.String({ format: 'uuid' }) });
const AnnouncementPage = Type.Object({ items: Type.Array(Announcement), nextCursor: Type.Union([Type.String(), Type.Null()]) });

function announcerOf(request: FastifyRequest): Announcer {
  const person = personOf(request);
  const all = hasPermission(request, NotifyPermissions.announceToAll);
  return { tenantId: person.tenantId, userId: person.subject, mayAnnounceToRoles: all, seesAll: all };
}

/** Staff announcements: to a course's students (instructors) or to a role (tenant admins), now or scheduled, with preview. */
export async function announcementRoutes(app: HttpApp, deps: NotifyDeps): Promise<void> {
  const config = { permission: NotifyPermissions.announce };

  app.post('/announcements/preview', {
    config,
    schema: {
      tags, summary: 'Preview an announcement: how many it reaches now and its email as they will read it; nothing is sent',
      body: AnnouncementInput, response: { 200: AnnouncementPreview },
    },
  }, async (request) => previewAnnouncement(deps, announcerOf(request), request.body));

  app.post('/announcements', {
    config,
    schema: {
      tags, summary: 'Announce to a course\'s students (or, tenant admins, to everyone holding a role), now or at `sendAt`',
      description: 'Each recipient gets it as a notification in the app and on the channels they chose for its category. 403 for a role audience unless tenant admin.',
      body: AnnouncementInput, response: { 201: Announcement },
    },
  }, async (request, reply) => reply.code(201).send(await createAnnouncement(deps, announcerOf(request), request.body)));

  app.get('/announcements', {
    config,
    schema: { tags, summary: 'Announcements newest first: your own (tenant admins: all of the tenant\'s)', querystring: AnnouncementQuery, response: { 200: AnnouncementPage } },
  }, async (request) => announcementsPage(deps, announcerOf(request), request.query));

  app.get('/announcements/:announcementId', {
    config,
    schema: { tags, summary: 'One announcement, with its status and how many it reached', params: AnnouncementParams, response: { 200: Announcement } },
  }, async (request) => getAnnouncement(deps, announcerOf(request), request.params.announcementId));

  app.post('/announcements/:announcementId/cancel', {
    config: { ...config, optionalBody: true },
    schema: {
      tags, summary: 'Cancel a scheduled announcement (409 once it is going out or sent)',
      params: AnnouncementParams, response: { 200: Announcement },
    },
  }, async (request) => cancelAnnouncement(deps, announcerOf(request), request.params.announcementId));
}
