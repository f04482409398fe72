import type { Tx } from '@tessera/platform';
import type { Media } from './media.schemas.js';
import type { MediaDatabase, MediaRow, MediaTable } from './media.table.js';
import type { Insertable } from 'kysely';

type Db = Tx<MediaDatabase>;
const columns = [
  'id', 'kind', 'content_type', 'filename', 'size_bytes', 'sha256', 'width', 'height', 'duration_seconds', 'page_count',
  'thumbnail_sha256', 'thumbnail_size', 'thumbnail_width', 'thumbnail_height', 'uploaded_by', 'created_at',
] as const;

/** A media row as written by an upload (the database fills in `created_at`). */
export type NewMedia = Omit<Insertable<MediaTable>, 'tenant_id' | 'created_at'>;

/** Inserts a media row and returns it as the API shows it. */
export async function insertMedia(tx: Db, tenantId: string, media: NewMedia): Promise<Media> {
  const row = await tx.insertInto('catalog.media').values({ ...media, tenant_id: tenantId }).returning(columns).executeTakeFirstOrThrow();
  return toMedia(row);
}

/** The tenant's media with `id`, or undefined. */
export async function findMedia(tx: Db, tenantId: string, id: string): Promise<Media | undefined> {
  const row = await tx.selectFrom('catalog.media').select(columns).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row && toMedia(row);
}

/** Which of `ids` name media of the tenant (for checks of content that shows them). */
export async function existingMediaIds<DB>(tx: Tx<DB>, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await (tx as unknown as Db).selectFrom('catalog.media').select('id').where('tenant_id', '=', tenantId).where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((row) => row.id));
}

function toMedia(row: Pick<MediaRow, (typeof columns)[number]>): Media {
  const url = `/api/v1/media/${row.id}`;
  const { thumbnail_sha256: sha256, thumbnail_size: size, thumbnail_width: width, thumbnail_height: height } = row;
  const thumbnail = sha256 !== null && size !== null && width !== null && height !== null
    ? { contentType: 'image/webp' as const, width, height, size, sha256 }
    : null;
  return {
    id: row.id,
    kind: row.kind,
    contentType: row.content_type,
    filename: row.filename,
    size: Number(row.size_bytes),
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    durationSeconds: row.duration_seconds,
    pageCount: row.page_count,
    thumbnail,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at.toISOString(),
    contentUrl: `${url}/content`,
    thumbnailUrl: thumbnail ? `${url}/thumbnail` : null,
  };
}
