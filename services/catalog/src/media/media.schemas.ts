import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Dimension = Type.Integer({ minimum: 1 });

/** Path parameters of the `/media/{mediaId}` routes. */
export const MediaParams = Type.Object({ mediaId: Type.String({ format: 'uuid' }) });

/** Query of `POST /media`. */
export const UploadMediaQuery = Type.Object({
  filename: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Name shown on download; its extension is corrected to the detected type' })),
});

/** An uploaded file as the API describes it. */
export const Media = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('image'), Type.Literal('video'), Type.Literal('audio'), Type.Literal('document')]),
  contentType: Type.String({ description: 'Recognised from the content, not taken from the upload' }),
  filename: Type.String(),
  size: Type.Integer({ minimum: 1 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Also the ETag of the content' }),
  width: Nullable(Type.Integer({ minimum: 1, description: 'An image as displayed, or the frame of a video; null for other files, or when the file does not say' })),
  height: Nullable(Dimension),
  durationSeconds: Nullable(Type.Number({ exclusiveMinimum: 0, description: 'Length of a video or audio file, to the millisecond; null for other files, or when the file does not say' })),
  pageCount: Nullable(Type.Integer({ minimum: 0, description: 'Pages of a PDF; null for other files, or when the document could not be read' })),
  thumbnail: Nullable(Type.Object({
    contentType: Type.Literal('image/webp'), width: Dimension, height: Dimension, size: Type.Integer({ minimum: 1 }), sha256: Type.String(),
  })),
  uploadedBy: Nullable(Type.String({ format: 'uuid' })),
  createdAt: Type.String({ format: 'date-time' }),
  contentUrl: Type.String(),
  thumbnailUrl: Nullable(Type.String()),
});
export type Media = Static<typeof Media>;

/** Links that need no Authorization header, for `<video src>`, `<img src>` and downloads. */
export const MediaLinks = Type.Object({
  contentUrl: Type.String({ description: 'GET/HEAD the file (ranges honoured) without a credential until expiresAt' }),
  thumbnailUrl: Nullable(Type.String()),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type MediaLinks = Static<typeof MediaLinks>;

export const MediaLinkQuery = Type.Object({ token: Type.String({ minLength: 20, maxLength: 4096, pattern: '^[A-Za-z0-9_.-]+$' }) });
