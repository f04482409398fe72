import type { Readable } from 'node:stream';
import { actingUserId, AppError, type HttpApp, PUBLIC, principalOf, ResourceLinks, type ServiceContext } from '@tessera/platform';
import { CatalogPermissions } from '../contract/permissions.js';
import { getMedia, originalOf, thumbnailOf } from './read-media.js';
import { Media, MediaLinkQuery, MediaLinks, MediaParams, UploadMediaQuery } from './media.schemas.js';
import { MEDIA_LIMITS, type MediaLimits } from './media-types.js';
import { sendBlob } from './serve-blob.js';
import { uploadMedia } from './upload-media.js';

export interface MediaRouteOptions {
  /** Size limits per kind; tests lower them. */
  limits?: MediaLimits;
}

const tags = ['catalog: media'];
/** The resource kind media links name (`catalog.media:<id>`). */
const MEDIA_LINK_KIND = 'catalog.media';
const binary = { description: 'The bytes (or the requested range)', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } };

/**
 * Media routes: upload (the raw file as the body, streamed), metadata, and the content and thumbnail served
 * with ranges and validators. Registered in a scope of their own, because the upload takes any content type
 * as a stream, which must not change how the rest of the catalog parses JSON.
 */
export async function mediaRoutes(app: HttpApp, context: ServiceContext, options: MediaRouteOptions = {}): Promise<void> {
  const limits = options.limits ?? MEDIA_LIMITS;
  await app.register(async (scope: HttpApp) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.post('/media', {
      config: { permission: CatalogPermissions.mediaUpload },
      schema: {
        tags,
        summary: 'Upload a file (the raw bytes as the body)',
        description: 'The type is recognised from the content: PNG, JPEG, GIF, WebP, MP4, WebM, Ogg, MP3, WAV, M4A and PDF. '
          + 'SVG, HTML and anything unrecognised are refused (415). Limits: images 10 MB, video 500 MB, audio and documents 50 MB (413).',
        querystring: UploadMediaQuery,
        response: { 201: Media },
      },
    }, async (request, reply) => {
      const principal = principalOf(request);
      const media = await uploadMedia(context, {
        tenantId: principal.tenantId,
        uploadedBy: actingUserId(principal),
        body: uploadBody(request.body),
        declaredType: request.headers['content-type'],
        declaredLength: declaredLength(request.headers['content-length']),
        filename: request.query.filename,
      }, limits);
      return reply.code(201).header('location', `/api/v1/media/${media.id}`).send(media);
    });
  });

  app.get('/media/:mediaId', {
    config: { permission: CatalogPermissions.read },
    schema: { tags, summary: 'Describe an uploaded file', params: MediaParams, response: { 200: Media } },
  }, async (request) => getMedia(context.db, principalOf(request).tenantId, request.params.mediaId));

  // GET and HEAD declared together: Fastify's implicit HEAD route would replace our Content-Length with 0.
  app.route({
    method: ['GET', 'HEAD'],
    url: '/media/:mediaId/content',
    config: { permission: CatalogPermissions.read },
    schema: { tags, summary: 'The file (Range, If-None-Match and If-Range honoured)', params: MediaParams, response: { 200: binary, 206: binary } },
    handler: async (request, reply) => {
      const { tenantId } = principalOf(request);
      return sendBlob(request, reply, context.blobs, originalOf(tenantId, await getMedia(context.db, tenantId, request.params.mediaId)));
    },
  });

  const links = new ResourceLinks(context.keys, context.config.TESSERA_ISSUER);

  app.get('/media/:mediaId/links', {
    config: { permission: CatalogPermissions.read },
    schema: {
      tags,
      summary: 'Signed links to the file and its thumbnail that work without an Authorization header, for 15 minutes',
      description: 'For a browser\'s <video>, <img> and downloads, which cannot send a bearer token. Anyone holding a link can read that one file until it expires; ask for new links after that (a playing video asks again when its link expires).',
      params: MediaParams,
      response: { 200: MediaLinks },
    },
  }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const media = await getMedia(context.db, tenantId, request.params.mediaId);
    const link = await links.issue(tenantId, `${MEDIA_LINK_KIND}:${media.id}`);
    const query = `?token=${link.token}`;
    return reply.header('cache-control', 'private, no-store').send({
      contentUrl: `/api/v1/media-links/content${query}`,
      thumbnailUrl: media.thumbnail ? `/api/v1/media-links/thumbnail${query}` : null,
      expiresAt: link.expiresAt.toISOString(),
    });
  });

  const linked = async (token: string) => {
    const { tenantId, id } = await links.verify(token, MEDIA_LINK_KIND);
    return { tenantId, media: await getMedia(context.db, tenantId, id) };
  };

  app.route({
    method: ['GET', 'HEAD'],
    url: '/media-links/content',
    config: { permission: PUBLIC },
    schema: { tags, summary: 'A file through a signed link (Range, If-None-Match and If-Range honoured)', querystring: MediaLinkQuery, response: { 200: binary, 206: binary } },
    handler: async (request, reply) => {
      const { tenantId, media } = await linked(request.query.token);
      return sendBlob(request, reply, context.blobs, originalOf(tenantId, media));
    },
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/media-links/thumbnail',
    config: { permission: PUBLIC },
    schema: { tags, summary: 'An image\'s thumbnail through a signed link', querystring: MediaLinkQuery, response: { 200: binary, 206: binary } },
    handler: async (request, reply) => {
      const { tenantId, media } = await linked(request.query.token);
      return sendBlob(request, reply, context.blobs, thumbnailOf(tenantId, media));
    },
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/media/:mediaId/thumbnail',
    config: { permission: CatalogPermissions.read },
    schema: { tags, summary: 'A 320-pixel WebP thumbnail of an image', params: MediaParams, response: { 200: binary, 206: binary } },
    handler: async (request, reply) => {
      const { tenantId } = principalOf(request);
      return sendBlob(request, reply, context.blobs, thumbnailOf(tenantId, await getMedia(context.db, tenantId, request.params.mediaId)));
    },
  });
}

function uploadBody(body: unknown): AsyncIterable<Uint8Array> {
  if (body && typeof (body as Readable)[Symbol.asyncIterator] === 'function') return body as Readable;
  throw new AppError('invalid', 'MEDIA.EMPTY', 'The upload has no content: send the file as the request body');
}

function declaredLength(header: string | undefined): number | undefined {
  return header !== undefined && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
}
