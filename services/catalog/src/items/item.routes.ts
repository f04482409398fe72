import { Type } from '@sinclair/typebox';
import { actingUserId, assertOwnerOr, decodeCursor, etagOf, hasPermission, type HttpApp, Page, PageQuery, principalOf, type ServiceContext, toPage, versionFromIfMatch } from '@tessera/platform';
import type { FastifyRequest } from 'fastify';
import { createItem, deleteItem, publishItem, updateItem } from './item-commands.js';
import { deliveryView } from './item-delivery.js';
import { exchangeRoutes } from './item-exchange.routes.js';
import { itemReviewRoutes } from './item-review.routes.js';
import { getItemDraft, getItemVersion, getLatestPublished, listDraftsPage, listPublishedPage } from './item-queries.js';
import { ItemContent, ItemStatusSchema, ItemTypeSchema, ItemView, type ItemStatus, type ItemType } from './item-types.js';
import { ItemPermissions } from './permissions.js';

const tags = ['items'];
const ItemParams = Type.Object({ itemId: Type.String({ format: 'uuid' }) });
const VersionParams = Type.Object({ itemId: Type.String({ format: 'uuid' }), version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) });
const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String()) });
const ListQuery = Type.Object({
  ...PageQuery.properties,
  type: Type.Optional(ItemTypeSchema),
  skill: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Optional(Type.Unsafe<ItemStatus>({ ...ItemStatusSchema, description: 'Authors only: items with unpublished changes (draft), waiting for review, published or archived' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Words of the title or question text' })),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isItemCursor = ([createdAt, id]: Array<string | number>) =>
  typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && typeof id === 'string' && UUID.test(id);

/**
 * Authors see drafts with their answers; other readers of the bank (tutors) only published versions, without
 * answers. Students read an item only through a published lesson that embeds it (GET /lessons/{lessonId}/items/{itemId}).
 */
const seesAnswers = (request: FastifyRequest) => hasPermission(request, ItemPermissions.author);
const mayChange = (request: FastifyRequest) => (authorId: string | null) => assertOwnerOr(request, authorId, ItemPermissions.manageAll);

/** Routes of the question bank: items, their published versions, and import/export (JSON, QTI 2.1/3.0). */
export async function itemRoutes(app: HttpApp, context: ServiceContext): Promise<void> {
  app.post('/items', {
    config: { idempotent: true, permission: ItemPermissions.author },
    schema: { tags, summary: 'Create a draft item', body: ItemContent, response: { 201: ItemView } },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const item = await createItem(context, principal.tenantId, actingUserId(principal), request.body);
    return reply.code(201).header('etag', etagOf(item.version)).header('location', `/api/v1/items/${item.id}`).send(item);
  });

  app.get('/items', {
    config: { permission: ItemPermissions.read },
    schema: { tags, summary: 'List items, newest first (staff; tutors: published ones, without answers)', querystring: ListQuery, response: { 200: Page(ItemView) } },
  }, async (request) => {
    const { limit, cursor, q, skill } = request.query;
    const filter = { q, skill, type: request.query.type as ItemType | undefined, status: request.query.status as ItemStatus | undefined };
    const key = cursor ? decodeCursor(cursor, 2, isItemCursor) : undefined;
    const after = key ? { createdAt: String(key[0]), id: String(key[1]) } : undefined;
    const tenantId = principalOf(request).tenantId;
    if (seesAnswers(request)) {
      return toPage(await listDraftsPage(context.db, tenantId, filter, limit, after), limit, (item) => [item.createdAt, item.id], (item) => item);
    }
    const rows = await listPublishedPage(context.db, tenantId, { ...filter, status: undefined }, limit, after);
    return toPage(rows, limit, (row) => [row.createdAt, row.id], ({ createdAt: _createdAt, ...version }) => deliveryView(version));
  });

  app.get('/items/:itemId', {
    config: { permission: ItemPermissions.read },
    schema: { tags, summary: 'Get an item (staff): the draft for authors, the latest published version without answers for tutors', params: ItemParams, response: { 200: ItemView } },
  }, async (request, reply) => {
    const tenantId = principalOf(request).tenantId;
    if (seesAnswers(request)) {
      const item = await getItemDraft(context.db, tenantId, request.params.itemId);
      return reply.header('etag', etagOf(item.version)).send(item);
    }
    return deliveryView(await getLatestPublished(context.db, tenantId, request.params.itemId));
  });

  app.put('/items/:itemId', {
    config: { permission: ItemPermissions.author },
    schema: {
      tags, summary: 'Replace a draft (requires If-Match)', description: 'Only its author may, or a holder of catalog.content.manage_all.',
      params: ItemParams, headers: IfMatch, body: ItemContent, response: { 200: ItemView },
    },
  }, async (request, reply) => {
    const item = await updateItem(context, principalOf(request).tenantId, {
      id: request.params.itemId, content: request.body, expectedVersion: versionFromIfMatch(request), mayChange: mayChange(request),
    });
    return reply.header('etag', etagOf(item.version)).send(item);
  });

  app.delete('/items/:itemId', {
    config: { permission: ItemPermissions.author },
    schema: { tags, summary: 'Delete a draft that was never published (requires If-Match)', params: ItemParams, headers: IfMatch },
  }, async (request, reply) => {
    await deleteItem(context, principalOf(request).tenantId, { id: request.params.itemId, expectedVersion: versionFromIfMatch(request), mayChange: mayChange(request) });
    return reply.code(204).send();
  });

  app.post('/items/:itemId/publish', {
    config: { permission: ItemPermissions.publish },
    schema: {
      tags, summary: 'Publish the draft as a new frozen version (emits catalog.item.published)',
      description: '422 lists every problem that keeps the item from being published. If-Match is optional.',
      params: ItemParams, headers: IfMatch, response: { 200: ItemView },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const { item, published } = await publishItem(context, principal.tenantId, {
      id: request.params.itemId,
      expectedVersion: request.headers['if-match'] === undefined ? undefined : versionFromIfMatch(request),
      publishedBy: actingUserId(principal),
      mayChange: mayChange(request),
    });
    return reply.header('etag', etagOf(item.version)).header('location', `/api/v1/items/${item.id}/versions/${published.version}`).send(item);
  });

  app.get('/items/:itemId/versions/:version', {
    config: { permission: ItemPermissions.read },
    schema: { tags, summary: 'Get a published (frozen) version (staff); tutors get it without answers', params: VersionParams, response: { 200: ItemView } },
  }, async (request) => {
    const version = await getItemVersion(context.db, principalOf(request).tenantId, request.params.itemId, request.params.version);
    return seesAnswers(request) ? version : deliveryView(version);
  });

  await app.register(async (scope) => exchangeRoutes(scope as HttpApp, context));
  await app.register(async (scope) => itemReviewRoutes(scope as HttpApp, context));
}
