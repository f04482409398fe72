import { toCloudEvent, type CloudEvent } from '@tessera/platform';

/**
 * An event of the exam queue with the id we choose: the submission id for submits, so that JetStream's
 * deduplication (and the local bus's primary key) drops a second submit of the same attempt.
 */
export function newEvent<T>(tenantId: string, name: string, subject: string, data: T, id: string, at: Date): CloudEvent<T> {
  return { ...toCloudEvent({ name, subject, data }, { tenantId }), id, time: at.toISOString() };
}
