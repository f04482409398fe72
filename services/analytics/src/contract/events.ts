import { Type, type Static } from '@sinclair/typebox';

/** Events of the analytics service (`tessera.<name>` on the bus). */
export const AnalyticsEvents = {
  /** A batch of learning events accepted by `POST /events` (the durable ingest log; subject: the user). */
  batchIngested: 'analytics.batch.ingested',
  /** A one-minute window of a tenant's course is final: the watermark passed its end plus the allowed lateness. */
  windowClosed: 'analytics.window.closed',
} as const;

// A pattern, not `format: 'uuid'`: payloads are checked with TypeBox's Value, which knows no formats.
const Uuid = Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });

/** What analytics reads of `catalog.course.published`: which courses a tenant has (events name only those). */
export const CoursePublishedSeen = Type.Object({ courseId: Uuid, title: Type.String() });
export type CoursePublishedSeen = Static<typeof CoursePublishedSeen>;

/** Payload of `analytics.window.closed` (subject: the course id, or `tenant` for events of no course). */
export interface WindowClosedData {
  courseId: string | null;
  windowStart: string;
  windowSeconds: number;
  events: number;
  activeUsers: number;
}
