import type { CloudEvent } from '@tessera/platform';

/** When the event happened (its envelope's time), or now when that is not a readable time. */
export function eventTime(event: Pick<CloudEvent, 'time'>): Date {
  const at = new Date(event.time);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}
