import { Type } from '@sinclair/typebox';
import { actingUserId, assertOwnerOr, etagOf, type HttpApp, principalOf, type ServiceContext, versionFromIfMatch } from '@tessera/platform';
import type { FastifyRequest } from 'fastify';
import { CatalogPermissions } from '../contract/permissions.js';
import { RejectBody, ReviewBody, ReviewEntry } from '../contract/schemas.js';
import { approveItem, archiveItem, itemReviewHistory, rejectItemReview, submitItemForReview, type ItemStep } from './item-review.js';
import { ItemView } from './item-types.js';
import { ItemPermissions } from './permissions.js';

const tags = ['items'];
const ItemParams = Type.Object({ itemId: Type.String({ format: 'uuid' }) });
const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String()) });
const review = CatalogPermissions.review;

/** The step the request asks for: on the item the path names, at the version the caller read, by the caller, with its comment. */
function stepOf(request: FastifyRequest & { params: { itemId: string }; body: { comment?: string | undefined } }): ItemStep {
  return {
    id: request.params.itemId,
    expectedVersion: versionFromIfMatch(request),
    actorId: actingUserId(principalOf(request)),
    comment: request.body.comment,
  };
}

/**
 * The question bank's review workflow, as the courses': draft → in_review → published, rejected back to draft,
 * archived; who and when is logged. Authors submit their own items (managers any); reviewers
 * (catalog.content.review) approve, reject and archive.
 */
export async function itemReviewRoutes(app: HttpApp, context: ServiceContext): Promise<void> {
  app.post('/items/:itemId/review', {
    config: { permission: ItemPermissions.author, optionalBody: true },
    schema: { tags, summary: 'Submit a draft item for review (requires If-Match); it cannot be edited until a reviewer decides', params: ItemParams, headers: IfMatch, body: ReviewBody, response: { 200: ItemView } },
  }, async (request, reply) => {
    const mayChange = (authorId: string | null) => assertOwnerOr(request, authorId, ItemPermissions.manageAll);
    const item = await submitItemForReview(context, principalOf(request).tenantId, { ...stepOf(request), mayChange });
    return reply.header('etag', etagOf(item.version)).send(item);
  });

  app.get('/items/:itemId/review', {
    config: { permission: ItemPermissions.author },
    schema: { tags, summary: 'The review history of an item: who submitted, approved, rejected, published or archived it, and when', params: ItemParams, response: { 200: Type.Object({ items: Type.Array(ReviewEntry) }) } },
  }, async (request) => ({ items: await itemReviewHistory(context, principalOf(request).tenantId, request.params.itemId) }));

  app.post('/items/:itemId/review/approve', {
    config: { permission: review, optionalBody: true },
    schema: {
      tags, summary: 'Approve an item in review: publishes it as its next version (emits catalog.item.published)',
      description: '422 lists every problem that keeps the item from being published. Requires If-Match.',
      params: ItemParams, headers: IfMatch, body: ReviewBody, response: { 200: ItemView },
    },
  }, async (request, reply) => {
    const { item, published } = await approveItem(context, principalOf(request).tenantId, stepOf(request));
    return reply.header('etag', etagOf(item.version)).header('location', `/api/v1/items/${item.id}/versions/${published.version}`).send(item);
  });

  app.post('/items/:itemId/review/reject', {
    config: { permission: review },
    schema: { tags, summary: 'Send an item in review back to draft, saying why (requires If-Match)', params: ItemParams, headers: IfMatch, body: RejectBody, response: { 200: ItemView } },
  }, async (request, reply) => {
    const item = await rejectItemReview(context, principalOf(request).tenantId, stepOf(request));
    return reply.header('etag', etagOf(item.version)).send(item);
  });

  app.post('/items/:itemId/archive', {
    config: { permission: review, optionalBody: true },
    schema: {
      tags, summary: 'Archive an item: it leaves search and new course versions; courses and exams keep the versions they hold',
      params: ItemParams, headers: IfMatch, body: ReviewBody, response: { 200: ItemView },
    },
  }, async (request, reply) => {
    const item = await archiveItem(context, principalOf(request).tenantId, stepOf(request));
    return reply.header('etag', etagOf(item.version)).send(item);
  });
}
