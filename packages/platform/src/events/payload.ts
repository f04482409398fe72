import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** The payload if it has what we read; otherwise the delivery fails and, after its retries, is dead-lettered. */
export function checkedPayload<T extends TSchema>(schema: T, data: unknown, eventId: string): Static<T> {
  if (Value.Check(schema, data)) return data;
  const first = Value.Errors(schema, data).First();
  throw new Error(`Event ${eventId} has an unexpected payload: ${first ? `${first.path} ${first.message}` : 'invalid'}`);
}
