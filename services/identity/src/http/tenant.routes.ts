import { Type } from '@sinclair/typebox';
import { decodeCursor, etagOf, Page, PageQuery, principalOf, PUBLIC, toPage, versionFromIfMatch, type HttpApp } from '@tessera/platform';
import type { IdentityDeps } from '../app/deps.js';
import { createTenant, deleteTenant, exportTenant, getTenant, publicTenant, setTenantSuspended, updateOwnTenant } from '../app/tenants.js';
import { IdentityPermissions } from '../contract/permissions.js';
import { CreateTenantBody, IdParams, Slug, Tenant, TenantPublic, UpdateTenantBody } from '../contract/schemas.js';
import type { IdentityDatabase } from '../db/identity.table.js';
import { listTenants, toTenant } from '../db/tenant.repository.js';

const platformTags = ['platform admin'];
const tenantTags = ['tenant'];
const manage = { permission: IdentityPermissions.manageTenants };

/** Tenants: the platform admin's lifecycle routes, the tenant admin's own settings, and the public face. */
export async function tenantRoutes(app: HttpApp, deps: IdentityDeps): Promise<void> {
  app.post('/platform/tenants', {
    config: { ...manage, idempotent: true },
    schema: { tags: platformTags, summary: 'Create a tenant (enterprise tenants get a database of their own)', body: CreateTenantBody, response: { 201: Tenant } },
  }, async (request, reply) => {
    const tenant = await createTenant(deps, request.body, 'The Tessera administrators');
    return reply.code(201).header('location', `/api/v1/platform/tenants/${tenant.id}`).header('etag', etagOf(tenant.version)).send(tenant);
  });

  app.get('/platform/tenants', {
    config: manage,
    schema: { tags: platformTags, summary: 'List tenants by slug', querystring: PageQuery, response: { 200: Page(Tenant) } },
  }, async (request) => {
    const { limit, cursor } = request.query;
    const after = cursor ? String(decodeCursor(cursor, 1, ([slug]) => typeof slug === 'string')[0]) : undefined;
    const rows = await deps.db.withSystem<IdentityDatabase, Awaited<ReturnType<typeof listTenants>>>((tx) => listTenants(tx, limit + 1, after));
    return toPage(rows, limit, (row) => [row.slug], toTenant);
  });

  app.get('/platform/tenants/:id', {
    config: manage,
    schema: { tags: platformTags, summary: 'Get a tenant', params: IdParams, response: { 200: Tenant } },
  }, async (request, reply) => {
    const tenant = toTenant(await getTenant(deps, request.params.id));
    return reply.header('etag', etagOf(tenant.version)).send(tenant);
  });

  app.post('/platform/tenants/:id/suspend', {
    config: manage,
    schema: { tags: platformTags, summary: 'Suspend a tenant: its users can no longer sign in or use tokens', params: IdParams, response: { 200: Tenant } },
  }, async (request) => setTenantSuspended(deps, request.params.id, true));

  app.post('/platform/tenants/:id/reactivate', {
    config: manage,
    schema: { tags: platformTags, summary: 'Lift a suspension', params: IdParams, response: { 200: Tenant } },
  }, async (request) => setTenantSuspended(deps, request.params.id, false));

  app.get('/platform/tenants/:id/export', {
    config: manage,
    schema: {
      tags: platformTags,
      summary: 'Export everything the tenant owns as JSON (offered before deletion)',
      params: IdParams,
      response: { 200: Type.Object({ tenant: Tenant, exportedAt: Type.String({ format: 'date-time' }), data: Type.Record(Type.String(), Type.Array(Type.Unknown())) }) },
    },
  }, async (request, reply) => {
    const exported = await exportTenant(deps, request.params.id);
    return reply.header('content-disposition', `attachment; filename="tenant-${exported.tenant.slug}.json"`).send(exported);
  });

  app.delete('/platform/tenants/:id', {
    config: manage,
    schema: {
      tags: platformTags,
      summary: 'Delete a tenant: its data is erased, its record anonymised',
      description: 'Export first: this cannot be undone. `confirm` must repeat the slug.',
      params: IdParams,
      querystring: Type.Object({ confirm: Slug }),
      response: { 204: Type.Null() },
    },
  }, async (request, reply) => {
    await deleteTenant(deps, request.params.id, request.query.confirm);
    return reply.code(204).send(null);
  });

  app.get('/tenant', {
    config: { permission: IdentityPermissions.configureTenant },
    schema: { tags: tenantTags, summary: 'Your tenant with its settings', response: { 200: Tenant } },
  }, async (request, reply) => {
    const tenant = toTenant(await getTenant(deps, principalOf(request).tenantId));
    return reply.header('etag', etagOf(tenant.version)).send(tenant);
  });

  app.patch('/tenant', {
    config: { permission: IdentityPermissions.configureTenant },
    schema: {
      tags: tenantTags,
      summary: 'Change your tenant\'s name, sign-up, MFA policy or branding (requires If-Match)',
      headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
      body: UpdateTenantBody,
      response: { 200: Tenant },
    },
  }, async (request, reply) => {
    const tenant = await updateOwnTenant(deps, principalOf(request).tenantId, request.body, versionFromIfMatch(request));
    return reply.header('etag', etagOf(tenant.version)).send(tenant);
  });

  app.get('/tenants/:slug/public', {
    config: { permission: PUBLIC },
    schema: { tags: tenantTags, summary: 'What a sign-in page shows of an institution: name, branding, sign-in options', params: Type.Object({ slug: Slug }), response: { 200: TenantPublic } },
  }, async (request, reply) => reply.header('cache-control', 'public, max-age=60').send(await publicTenant(deps, request.params.slug)));
}
