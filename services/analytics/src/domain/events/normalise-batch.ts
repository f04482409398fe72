import { AppError } from '@tessera/platform';
import type { Actor } from './actor.js';
import { pointerToken } from './ids.js';
import type { LearningEvent } from './learning-event.js';
import { normaliseCompact, normaliseStatement, type ItemOutcome } from './normalise-item.js';
import { under, type ItemProblem } from './problems.js';
import type { TimeBounds } from './time.js';

export interface NormaliseOptions extends TimeBounds {
  /** The most items one batch may hold; more is refused whole (413). */
  maxItems: number;
}

/** A valid item: its position in the batch, the event it became and, for xAPI, who the statement says acted. */
export interface AcceptedEvent {
  index: number;
  event: LearningEvent;
  actor: Actor | null;
}

/** An invalid item: its position, its id when it has a usable one, and everything wrong with it. */
export interface RejectedItem {
  index: number;
  id: string | null;
  errors: ItemProblem[];
}

export interface NormalisedBatch {
  events: AcceptedEvent[];
  errors: RejectedItem[];
  /** Valid items whose id an earlier valid item of the batch already has: not errors, just not kept. */
  duplicates: number[];
}

export const BATCH_ERRORS = {
  notABatch: 'ANALYTICS.NOT_A_BATCH',
  tooLarge: 'ANALYTICS.BATCH_TOO_LARGE',
} as const;

/**
 * Checks and normalises a batch of learning events: `{ events: [...] }` in the compact form, or xAPI 1.0.3
 * statements as `{ statements: [...] }` or a bare array. Every item is judged on its own, so a mixed batch
 * yields its valid events and a list of the invalid ones, with JSON pointers into `body`.
 * Throws an AppError (`invalid`, 400) for a body of another shape and (`too_large`, 413) for more than
 * `maxItems` items; nothing else.
 */
export function normaliseBatch(body: unknown, options: NormaliseOptions): NormalisedBatch {
  const { items, base, normalise } = batchOf(body);
  if (items.length > options.maxItems) {
    throw new AppError('too_large', BATCH_ERRORS.tooLarge, `A batch may hold at most ${options.maxItems} events; this one has ${items.length}`,
      { maxItems: options.maxItems, items: items.length });
  }
  const batch: NormalisedBatch = { events: [], errors: [], duplicates: [] };
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const outcome: ItemOutcome = normalise(item, options);
    if (!outcome.ok) {
      batch.errors.push({ index, id: outcome.id, errors: under(`${base}/${index}`, outcome.problems) });
    } else if (seen.has(outcome.event.id)) {
      batch.duplicates.push(index);
    } else {
      seen.add(outcome.event.id);
      batch.events.push({ index, event: outcome.event, actor: outcome.actor });
    }
  });
  return batch;
}

interface BatchShape {
  items: unknown[];
  /** The pointer of the items' array in the body. */
  base: string;
  normalise: (item: unknown, bounds: TimeBounds) => ItemOutcome;
}

function batchOf(body: unknown): BatchShape {
  if (Array.isArray(body)) return { items: body, base: '', normalise: normaliseStatement };
  if (typeof body !== 'object' || body === null) throw notABatch('', 'must be { "events": [...] }, { "statements": [...] } or an array of xAPI statements');
  const keys = Object.keys(body);
  const extra = keys.find((key) => key !== 'events' && key !== 'statements');
  if (extra !== undefined) throw notABatch(`/${pointerToken(extra)}`, 'is not allowed: a batch is { "events": [...] } or { "statements": [...] }');
  if (keys.length !== 1) throw notABatch('', 'must hold exactly one of "events" or "statements"');
  const form = keys[0] === 'events' ? 'events' : 'statements';
  const items: unknown = (body as Record<string, unknown>)[form];
  if (!Array.isArray(items)) throw notABatch(`/${form}`, 'must be an array');
  return { items, base: `/${form}`, normalise: form === 'events' ? normaliseCompact : normaliseStatement };
}

function notABatch(pointer: string, detail: string): AppError {
  return new AppError('invalid', BATCH_ERRORS.notABatch, 'The body is not a batch of learning events', { errors: [{ pointer, detail }] });
}
