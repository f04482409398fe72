import { Type } from '@sinclair/typebox';
import { EVENT_ID_PATTERN, IRI_PATTERN, UUID_PATTERN } from './ids.js';
import { DATE_TIME_PATTERN, DURATION_PATTERN, XAPI_TIMESTAMP_PATTERN } from './time.js';

// `errorDetail` is what a client is told when the value is wrong, instead of TypeBox's "Expected string to
// match '^[0-9a-fA-F]{8}-…$'" (read by problems.ts).
export const Uuid = Type.String({ pattern: UUID_PATTERN, errorDetail: 'must be a uuid' });
export const EventId = Type.String({ pattern: EVENT_ID_PATTERN, errorDetail: "must be 1 to 100 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'" });
export const DateTime = Type.String({ pattern: DATE_TIME_PATTERN, errorDetail: 'must be an RFC 3339 date-time with a zone, e.g. 2024-05-01T12:00:00Z' });
export const XapiTimestamp = Type.String({ pattern: XAPI_TIMESTAMP_PATTERN, errorDetail: 'must be an ISO 8601 date-time, e.g. 2024-05-01T12:00:00Z' });
export const Duration = Type.String({ pattern: DURATION_PATTERN, errorDetail: 'must be an ISO 8601 duration in days or smaller units, e.g. PT1.5S' });
export const Iri = Type.String({ pattern: IRI_PATTERN, maxLength: 2048, errorDetail: 'must be an absolute IRI of at most 2048 characters' });
