import type { ColumnType, Generated, Selectable } from 'kysely';
import type { MediaKind } from './media-types.js';

/** Row type of `catalog.media`. */
export interface MediaTable {
  id: string;
  tenant_id: string;
  kind: MediaKind;
  content_type: string;
  filename: string;
  /** bigint: read back as a string (pg) or a bigint (PGlite), so always through `Number`. */
  size_bytes: ColumnType<string | number | bigint, number, never>;
  sha256: string;
  /** An image's dimensions as displayed, or a video's frame size. */
  width: number | null;
  height: number | null;
  /** double precision: a number on both drivers. */
  duration_seconds: number | null;
  page_count: number | null;
  thumbnail_sha256: string | null;
  thumbnail_size: number | null;
  thumbnail_width: number | null;
  thumbnail_height: number | null;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export type MediaRow = Selectable<MediaTable>;

export interface MediaDatabase {
  'catalog.media': MediaTable;
}
