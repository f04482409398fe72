import { isEventId, UUID_PATTERN } from './ids.js';
import { checkerOf, LEARNING_EVENT_TYPES, UUID_FIELDS, type LearningEvent } from './learning-event.js';
import { actorOf, type Actor } from './actor.js';
import { schemaProblems, type ItemProblem } from './problems.js';
import { instantOf, timeBoundsProblem, type TimeBounds } from './time.js';
import { mapStatement } from './xapi-mapping.js';
import { statementCheck } from './xapi-statement.js';

/** One item of a batch, normalised or refused; pointers are relative to the item. */
export type ItemOutcome =
  | { ok: true; event: LearningEvent; actor: Actor | null }
  | { ok: false; id: string | null; problems: ItemProblem[] };

/** A compact-form event, checked and normalised. Its actor is the caller (null). */
export function normaliseCompact(item: unknown, bounds: TimeBounds): ItemOutcome {
  const id = isObject(item) && isEventId(item['id']) ? item['id'] : null;
  const result = finishEvent(item, bounds);
  return Array.isArray(result) ? refused(id, result) : { ok: true, event: result, actor: null };
}

/** An xAPI statement, checked, mapped to the compact form and normalised. */
export function normaliseStatement(item: unknown, bounds: TimeBounds): ItemOutcome {
  if (!isObject(item)) return refused(null, [notAnObject()]);
  if (!statementCheck.Check(item)) return refused(statementIdOf(item), schemaProblems(statementCheck, item));
  const id = item.id.toLowerCase();
  const actor = actorOf(item.actor);
  const mapped = mapStatement(item, bounds.now);
  if (isProblem(actor) || Array.isArray(mapped)) {
    return refused(id, [...(isProblem(actor) ? [actor] : []), ...(Array.isArray(mapped) ? mapped : [])]);
  }
  const result = finishEvent(mapped.candidate, bounds);
  if (!Array.isArray(result)) return { ok: true, event: result, actor };
  // A field of the candidate is not valid: point at the part of the statement it came from.
  return refused(id, result.map(({ pointer, detail }) => {
    const field = pointer.slice(1);
    return { pointer: mapped.sources[field] ?? '', detail: `${detail} (as the event's ${field})` };
  }));
}

/** The compact event `candidate` normalised (uuids lower-cased, time in UTC), or its problems. */
function finishEvent(candidate: unknown, bounds: TimeBounds): LearningEvent | ItemProblem[] {
  if (!isObject(candidate)) return [notAnObject()];
  const check = checkerOf(candidate['type']);
  if (!check) return [{ pointer: '/type', detail: `must be one of ${LEARNING_EVENT_TYPES.join(', ')}` }];
  if (!check.Check(candidate)) return schemaProblems(check, candidate);
  const event = candidate as LearningEvent;
  const instant = instantOf(event.time);
  if (instant === null) return [{ pointer: '/time', detail: 'is not a real date and time' }];
  const outOfBounds = timeBoundsProblem(instant, bounds);
  if (outOfBounds) return [{ pointer: '/time', detail: outOfBounds }];
  return normalised(event, instant);
}

function normalised(event: LearningEvent, instant: number): LearningEvent {
  const copy: Record<string, unknown> = { ...event, time: new Date(instant).toISOString() };
  for (const field of UUID_FIELDS) {
    const value = copy[field];
    if (typeof value === 'string') copy[field] = value.toLowerCase();
  }
  return copy as LearningEvent;
}

const UUID = new RegExp(UUID_PATTERN);

/** The id of a statement that is not valid, when it has a usable one (so the client can tell which it was). */
function statementIdOf(statement: Record<string, unknown>): string | null {
  const id = statement['id'];
  return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : null;
}

function refused(id: string | null, problems: ItemProblem[]): ItemOutcome {
  return { ok: false, id, problems };
}

function isProblem(value: Actor | ItemProblem): value is ItemProblem {
  return 'pointer' in value;
}

function notAnObject(): ItemProblem {
  return { pointer: '', detail: 'must be an object' };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
