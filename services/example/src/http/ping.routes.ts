import { Type } from '@sinclair/typebox';
import { assertOwnerOr, decodeCursor, etagOf, Page, PageQuery, principalOf, toPage, versionFromIfMatch, type HttpApp, type ServiceContext } from '@tessera/platform';
import { CreatePingBody, ExamplePermissions, Ping, UpdatePingBody } from '../contract/index.js';
import { createPing } from '../app/create-ping.js';
import { getPing, listPingsPage } from '../app/read-pings.js';
import { updatePing } from '../app/update-ping.js';

const PingParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A list cursor is (createdAt, id) of the last ping of the previous page; anything else is refused with 400. */
const isPingCursor = ([createdAt, id]: Array<string | number>) =>
  typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && typeof id === 'string' && UUID.test(id);
const tags = ['example'];

/** Routes of the example service: parse → authorize (the kit) → use case → present. */
export async function pingRoutes(app: HttpApp, context: ServiceContext): Promise<void> {
  app.post('/pings', {
    config: { idempotent: true, permission: ExamplePermissions.write },
    schema: { tags, summary: 'Create a ping (emits example.ping.created)', body: CreatePingBody, response: { 201: Ping } },
  }, async (request, reply) => {
    const principal = principalOf(request);
    // An API key writes on behalf of the tenant, not of a person: its pings have no author.
    const authorId = principal.kind === 'user' ? principal.subject : null;
    const ping = await createPing(context, principal.tenantId, authorId, request.body.message);
    return reply.code(201).header('etag', etagOf(ping.version)).header('location', `/api/v1/pings/${ping.id}`).send(ping);
  });

  app.get('/pings', {
    config: { permission: ExamplePermissions.read },
    schema: { tags, summary: 'List pings, newest first', querystring: PageQuery, response: { 200: Page(Ping) } },
  }, async (request) => {
    const { limit, cursor } = request.query;
    const after = cursor ? decodeCursor(cursor, 2, isPingCursor) : undefined;
    const rows = await listPingsPage(context.db, principalOf(request).tenantId, limit,
      after ? { createdAt: String(after[0]), id: String(after[1]) } : undefined);
    return toPage(rows, limit, (ping) => [ping.createdAt, ping.id], (ping) => ping);
  });

  app.get('/pings/:id', {
    config: { permission: ExamplePermissions.read },
    schema: { tags, summary: 'Get a ping with its receipt count', params: PingParams, response: { 200: Ping } },
  }, async (request, reply) => {
    const ping = await getPing(context.db, principalOf(request).tenantId, request.params.id);
    return reply.header('etag', etagOf(ping.version)).send(ping);
  });

  app.patch('/pings/:id', {
    config: { permission: ExamplePermissions.write },
    schema: {
      tags,
      summary: 'Change a ping message (requires If-Match)',
      description: 'Only its author may, or a holder of example.pings.moderate (instructors, tenant admins).',
      params: PingParams,
      headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
      body: UpdatePingBody,
      response: { 200: Ping },
    },
  }, async (request, reply) => {
    const ping = await updatePing(context, principalOf(request).tenantId, {
      id: request.params.id,
      message: request.body.message,
      expectedVersion: versionFromIfMatch(request),
      mayChange: (authorId) => assertOwnerOr(request, authorId, ExamplePermissions.moderate),
    });
    return reply.header('etag', etagOf(ping.version)).send(ping);
  });
}
