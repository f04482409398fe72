import { Type, type TSchema } from '@sinclair/typebox';
import { AppError } from '../errors.js';

/** Query parameters of every listing: `limit` (1–100, default 20) and an opaque `cursor`. */
export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 512, description: 'The `nextCursor` of the previous page' })),
});

/** A page of `item`: the items and the cursor of the next page (null on the last page). */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

/** Encodes the sort key of the last item of a page as an opaque cursor. */
export function encodeCursor(key: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor`, refusing tampered or foreign ones with a validation problem.
 * `valid` checks the decoded values (types, formats) so a tampered cursor never reaches a query as a 500.
 */
export function decodeCursor(
  cursor: string,
  arity: number,
  valid: (key: Array<string | number>) => boolean = () => true,
): Array<string | number> {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((v) => typeof v === 'string' || typeof v === 'number')
      && valid(key as Array<string | number>)) {
      return key as Array<string | number>;
    }
  } catch {
    // fall through to the validation error below
  }
  throw new AppError('invalid', 'PAGINATION.INVALID_CURSOR', 'The cursor is not one this API issued', {
    errors: [{ pointer: '/querystring/cursor', detail: 'must be the nextCursor of a previous page' }],
  });
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only signals that another page exists.
 * `keyOf` gives the sort key the next query continues after.
 */
export function toPage<R, I>(rows: R[], limit: number, keyOf: (row: R) => Array<string | number>, present: (row: R) => I) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
