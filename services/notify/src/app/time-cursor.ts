import { decodeCursor, encodeCursor } from '@tessera/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a newest-first listing goes on: after the (time, id) of the previous page's last row. */
export interface TimeIdKey {
  createdAt: string;
  id: string;
}

/** The key of a `nextCursor`; a tampered or foreign cursor is refused with 400. */
export function decodeTimeId(cursor: string): TimeIdKey {
  const [createdAt, id] = decodeCursor(cursor, 2, ([time, id]) => typeof time === 'string' && !Number.isNaN(Date.parse(time)) && typeof id === 'string' && UUID.test(id));
  return { createdAt: String(createdAt), id: String(id) };
}

/** The page of `rows` (fetched with limit + 1) and the cursor of the next one. */
export function timeIdPage<T extends TimeIdKey>(rows: readonly T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}
