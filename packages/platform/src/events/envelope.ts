import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '@tessera/contracts';

export type { CloudEvent };

/** What a producer supplies; the kernel fills id, time and trace context. */
export interface NewEvent<T = unknown> {
  /** `<service>.<entity>.<past-verb>`, e.g. `example.ping.created`. */
  name: string;
  subject?: string;
  data: T;
}

export const EVENT_TYPE_PREFIX = 'tessera.';

/** The service part of an event name: `example` of `example.ping.created`. */
export function serviceOfEvent(name: string): string {
  const service = name.split('.')[0];
  if (!service || name.split('.').length < 3) {
    throw new Error(`Event name "${name}" must look like <service>.<entity>.<past-verb>`);
  }
  return service;
}

/** Builds a CloudEvent envelope for `event`, produced by `service` for `tenantId`. */
export function toCloudEvent<T>(
  event: NewEvent<T>,
  context: { tenantId: string | null; traceparent?: string | undefined },
): CloudEvent<T> {
  const envelope: CloudEvent<T> = {
    specversion: '1.0',
    id: randomUUID(),
    source: `/tessera/${serviceOfEvent(event.name)}`,
    type: EVENT_TYPE_PREFIX + event.name,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
  };
  if (event.subject !== undefined) envelope.subject = event.subject;
  if (context.tenantId) envelope.tenantid = context.tenantId;
  if (context.traceparent) envelope.traceparent = context.traceparent;
  return envelope;
}

/** The event name (`example.ping.created`) of an envelope whose type is `tessera.example.ping.created`. */
export function eventNameOf(envelope: Pick<CloudEvent, 'type'>): string {
  return envelope.type.startsWith(EVENT_TYPE_PREFIX) ? envelope.type.slice(EVENT_TYPE_PREFIX.length) : envelope.type;
}
