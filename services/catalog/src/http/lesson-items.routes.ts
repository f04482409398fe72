import { Type } from '@sinclair/typebox';
import { principalOf, type HttpApp, type ServiceContext } from '@tessera/platform';
import { embeddedItem } from '../app/lesson-items.js';
import { CatalogPermissions } from '../contract/index.js';
import { ItemView } from '../items/item-types.js';
import { contentReaderOf } from './support.js';
import { tags } from './support.js';

const Uuid = Type.String({ format: 'uuid' });

/** How students read the questions of the lessons they take (the question bank itself is for staff). */
export async function lessonItemRoutes(app: HttpApp, context: ServiceContext): Promise<void> {
  app.get('/lessons/:lessonId/items/:itemId', {
    config: { permission: CatalogPermissions.read },
    schema: {
      tags, summary: 'An item a question block of the published lesson embeds, as students see it (never its answers)',
      description: 'The item version frozen with the course version (the current one, or `version`), never a later one; 404 unless that lesson embeds it. '
        + 'A paid course\'s lesson needs an enrollment in the course or the lesson\'s purchase: otherwise 403 CATALOG.CONTENT_LOCKED with `courseId` and `lessonId`.',
      params: Type.Object({ lessonId: Uuid, itemId: Uuid }),
      querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, description: 'A frozen version of the course (a student in progress follows theirs)' })) }),
      response: { 200: ItemView },
    },
  }, async (request) => {
    const { lessonId, itemId } = request.params;
    return embeddedItem(context, principalOf(request).tenantId, contentReaderOf(request), lessonId, itemId, request.query.version);
  });
}
