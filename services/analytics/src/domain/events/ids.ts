/** Pattern sources shared by the schemas (patterns, not `format`: TypeBox's checker knows no formats). */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** The client's event id, the dedupe key: short and safe to put in logs, keys and URLs. */
export const EVENT_ID_PATTERN = '^[A-Za-z0-9._:-]{1,100}$';

/** An absolute IRI: a scheme, a colon and no whitespace (xAPI ids, verbs, activity types, account home pages). */
export const IRI_PATTERN = '^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$';

const EVENT_ID = new RegExp(EVENT_ID_PATTERN);

/** True when `value` may serve as an event id. */
export function isEventId(value: unknown): value is string {
  return typeof value === 'string' && EVENT_ID.test(value);
}

/** The Tessera entities an activity IRI can name, by the path segment that precedes their uuid. */
export type TesseraIds = Partial<Record<'courseId' | 'lessonId' | 'itemId' | 'mediaId', string>>;

const SEGMENT_FIELD = new Map<string, keyof TesseraIds>([
  ['courses', 'courseId'],
  ['lessons', 'lessonId'],
  ['items', 'itemId'],
  ['media', 'mediaId'],
]);

// `<anything>/courses/<uuid>/lessons/<uuid>`: a segment name, then a whole uuid segment.
const SEGMENT = /\/(courses|lessons|items|media)\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=[/?#]|$)/g;

/**
 * Adds the ids `iri` names (lower-cased) to `ids`, keeping those already there, and returns the kind of entity
 * it names last: what the activity is (`…/lessons/<uuid>/items/<uuid>` is an item).
 */
export function collectTesseraIds(iri: string, ids: TesseraIds): keyof TesseraIds | null {
  let last: keyof TesseraIds | null = null;
  SEGMENT.lastIndex = 0;
  for (let match = SEGMENT.exec(iri); match; match = SEGMENT.exec(iri)) {
    const field = SEGMENT_FIELD.get(match[1] ?? '');
    if (!field || !match[2]) continue;
    ids[field] ??= match[2].toLowerCase();
    last = field;
  }
  return last;
}

/** One JSON pointer reference token (RFC 6901): `~` and `/` escaped. */
export function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}
