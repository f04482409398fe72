import { Type } from '@sinclair/typebox';
import { actingUserId, type HttpApp, principalOf, type ServiceContext } from '@tessera/platform';
import { exportItems, importItems, MAX_IMPORT_ITEMS, type ImportSource } from './item-exchange.js';
import { ItemView } from './item-types.js';
import { ItemPermissions } from './permissions.js';
import { XML_LIMITS } from './qti/xml.js';

const tags = ['items'];
const XML_TYPES = ['application/xml', 'text/xml', 'application/qti+xml'];
const QtiVersion = Type.Union([Type.Literal('2.1'), Type.Literal('3.0')]);
const QtiItem = Type.Object({
  itemId: Type.Optional(Type.String({ format: 'uuid' })),
  identifier: Type.Optional(Type.String({ maxLength: 200 })),
  xml: Type.String({ maxLength: XML_LIMITS.bytes }),
  metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'What a Tessera export carries next to the XML' })),
});
const ImportBody = Type.Union([
  Type.Object({
    format: Type.Literal('json'),
    content: Type.Object({
      format: Type.Optional(Type.Literal('json')),
      itemIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }))),
      items: Type.Array(Type.Unknown(), { maxItems: MAX_IMPORT_ITEMS, description: 'Items as POST /items takes them' }),
    }),
  }),
  Type.Object({
    format: Type.Literal('qti'),
    content: Type.Union([
      Type.String({ maxLength: XML_LIMITS.bytes, description: 'One QTI 2.1 or 3.0 assessment item' }),
      Type.Object({ format: Type.Optional(Type.Literal('qti')), version: Type.Optional(QtiVersion), items: Type.Array(QtiItem, { maxItems: MAX_IMPORT_ITEMS }) }),
    ]),
  }),
]);
const ExportQuery = Type.Object({
  format: Type.Union([Type.Literal('json'), Type.Literal('qti')]),
  version: Type.Optional(QtiVersion),
  ids: Type.String({ pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){0,99}$', description: 'Comma-separated item ids (at most 100)' }),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Import and export of items. Registered in a scope of their own so the XML body parser applies to the import
 * route only; a QTI document may be sent raw (`Content-Type: application/xml`) or inside JSON.
 */
export async function exchangeRoutes(app: HttpApp, context: ServiceContext): Promise<void> {
  app.addContentTypeParser(XML_TYPES, { parseAs: 'string', bodyLimit: XML_LIMITS.bytes + 1024 }, (_request, body, done) => done(null, body));

  app.post('/items/import', {
    bodyLimit: 3 * XML_LIMITS.bytes,
    config: { idempotent: true, permission: ItemPermissions.author },
    schema: {
      tags, summary: 'Import items as drafts (JSON, or QTI 2.1/3.0 XML), all or nothing',
      description: 'Hostile XML (DOCTYPE, entities) is refused with 422 ITEMS.QTI_DOCTYPE_REFUSED; malformed XML with 400 ITEMS.QTI_MALFORMED.',
      body: { content: { 'application/json': { schema: ImportBody }, ...Object.fromEntries(XML_TYPES.map((type) => [type, { schema: Type.String() }])) } },
      response: { 201: Type.Object({ items: Type.Array(ItemView) }) },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const items = await importItems(context, principal.tenantId, actingUserId(principal), sourceOf(request.body));
    return reply.code(201).send({ items });
  });

  app.get('/items/export', {
    config: { permission: ItemPermissions.author },
    schema: {
      tags, summary: 'Export items as JSON or QTI (2.1 or 3.0, default 3.0)', querystring: ExportQuery,
      response: { 200: Type.Object({ format: Type.String(), version: Type.Optional(Type.String()), itemIds: Type.Optional(Type.Array(Type.String())), items: Type.Array(Type.Unknown()) }) },
    },
  }, async (request) => {
    const ids = [...new Set(request.query.ids.split(','))].filter((id) => UUID.test(id));
    return exportItems(context.db, principalOf(request).tenantId, ids, request.query.format, request.query.version ?? '3.0');
  });
}

/** The import body, whichever way it came. */
function sourceOf(body: unknown): ImportSource {
  if (typeof body === 'string') return { format: 'qti', documents: [{ xml: body }] };
  const parsed = body as { format: 'json'; content: { items: unknown[] } } | { format: 'qti'; content: string | { items: Array<{ xml: string; metadata?: Record<string, unknown> }> } };
  if (parsed.format === 'json') return { format: 'json', items: parsed.content.items };
  if (typeof parsed.content === 'string') return { format: 'qti', documents: [{ xml: parsed.content }] };
  return { format: 'qti', documents: parsed.content.items.map(({ xml, metadata }) => ({ xml, metadata })) };
}
