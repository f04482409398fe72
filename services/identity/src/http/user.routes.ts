import { Type } from '@sinclair/typebox';
import { etagOf, Page, principalOf, versionFromIfMatch, type HttpApp } from '@tessera/platform';
import type { FastifyReply } from 'fastify';
import { bulkInvite } from '../app/bulk-invite.js';
import type { IdentityDeps } from '../app/deps.js';
import { storedName } from '../app/display-name.js';
import { inviteUser, resendInvitation } from '../app/invitations.js';
import { inviterName } from '../app/inviter.js';
import { getTenantUser, listTenantUsers } from '../app/list-users.js';
import { updateTenantUser } from '../app/manage-users.js';
import { deactivateUser, reactivateUser } from '../app/user-status.js';
import { IdentityPermissions } from '../contract/permissions.js';
import { IdParams, User } from '../contract/schemas.js';
import { BulkInviteBody, BulkInviteResult, IfMatchHeaders, InviteUserBody, UpdateUserBody, UserListQuery } from '../contract/users.js';
import { toUser } from '../db/user.repository.js';

const tags = ['users'];
const read = { permission: IdentityPermissions.readUsers };
const manage = { permission: IdentityPermissions.manageUsers };

/** The tenant admin's user administration: list, read, invite (one or a CSV), change roles, deactivate. */
export async function userRoutes(app: HttpApp, deps: IdentityDeps): Promise<void> {
  app.get('/users', {
    config: read,
    schema: { tags, summary: 'List your tenant\'s users by email, optionally by role, status or a search', querystring: UserListQuery, response: { 200: Page(User) } },
  }, async (request) => listTenantUsers(deps, principalOf(request).tenantId, request.query));

  app.get('/users/:id', {
    config: read,
    schema: { tags, summary: 'Get a user (the ETag is their version)', params: IdParams, response: { 200: User } },
  }, async (request, reply) => withEtag(reply, await getTenantUser(deps, principalOf(request).tenantId, request.params.id)));

  app.post('/users/invitations', {
    config: { ...manage, idempotent: true },
    schema: {
      tags,
      summary: 'Invite a user by email',
      description: 'Creates the user (status invited) and emails a link valid 7 days. An email that already has a user is a 409.',
      body: InviteUserBody,
      response: { 201: User },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const invitation = { ...request.body, name: storedName(request.body.name) };
    const user = toUser(await inviteUser(deps, principal.tenantId, invitation, await inviterName(deps, principal)), false);
    return withEtag(reply.code(201).header('location', `/api/v1/users/${user.id}`), user);
  });

  app.post('/users/invitations/bulk', {
    config: { ...manage, idempotent: true },
    schema: {
      tags,
      summary: 'Invite users from a CSV (header email,name,roles; at most 1000 rows, 200 KB)',
      description: 'Every row is checked; valid rows are invited, the others are listed in `errors` with their line. Roles are separated by `;` or `|`.',
      body: BulkInviteBody,
      response: { 200: BulkInviteResult },
    },
  }, async (request) => {
    const principal = principalOf(request);
    return bulkInvite(deps, principal.tenantId, request.body.csv, await inviterName(deps, principal));
  });

  app.post('/users/:id/invitation/resend', {
    config: manage,
    schema: { tags, summary: 'Send a new invitation link (older links stop working)', params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const principal = principalOf(request);
    await resendInvitation(deps, principal.tenantId, request.params.id, await inviterName(deps, principal));
    return reply.code(204).send(null);
  });

  app.patch('/users/:id', {
    config: manage,
    schema: {
      tags,
      summary: 'Rename a user or set their roles (requires If-Match)',
      description: 'A role change emits identity.role.granted. The last active tenant admin cannot lose the role (409 IDENTITY.LAST_ADMIN).',
      params: IdParams,
      headers: IfMatchHeaders,
      body: UpdateUserBody,
      response: { 200: User },
    },
  }, async (request, reply) => withEtag(reply,
    await updateTenantUser(deps, principalOf(request).tenantId, request.params.id, request.body, versionFromIfMatch(request))));

  app.post('/users/:id/deactivate', {
    config: manage,
    schema: {
      tags,
      summary: 'Deactivate a user: sign-in refused, every session ended, access tokens refused at once',
      params: IdParams,
      response: { 200: User },
    },
  }, async (request, reply) => withEtag(reply, await deactivateUser(deps, principalOf(request), request.params.id)));

  app.post('/users/:id/reactivate', {
    config: manage,
    schema: { tags, summary: 'Let a deactivated user back in (invited again if they never set a password)', params: IdParams, response: { 200: User } },
  }, async (request, reply) => withEtag(reply, await reactivateUser(deps, principalOf(request).tenantId, request.params.id)));
}

function withEtag(reply: FastifyReply, user: User): FastifyReply {
  return reply.header('etag', etagOf(user.version)).send(user);
}
