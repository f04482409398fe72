import { plainTextOf } from '../domain/rich-text.js';
import { deliveryView, type DeliveryView } from './item-delivery.js';
import type { ItemVersion } from './item-types.js';

/** What the search index holds of a published item: only text a student sees when the item is delivered. */
export interface ItemSearchDocument {
  id: string;
  version: number;
  title: string;
  /** The stem as plain text. */
  summary: string;
  /** The texts of the choices a student picks from, in the order the delivery view shows them. */
  body: string;
  skills: string[];
  publishedAt: string;
}

const MAX_BODY = 20_000;

/**
 * The search document of a frozen version, built from its delivery view rather than from the version, so
 * that answers, feedback and hidden tests cannot reach the index (and so snippets) even if a type grows a
 * new answer field. Hints are left out too: they are revealed one at a time, not up front. Ordering and
 * matching choices keep the delivery view's scrambled order, as the authored order gives the answer away.
 */
export function itemSearchDocument(version: ItemVersion): ItemSearchDocument {
  const view = deliveryView(version);
  return {
    id: version.id,
    version: version.version,
    title: version.title,
    summary: plainTextOf(version.stem),
    body: visibleChoiceTexts(view).map(plainTextOf).join(' ').replace(/\s+/g, ' ').trim().slice(0, MAX_BODY),
    skills: version.skills ?? [],
    publishedAt: version.publishedAt,
  };
}

function visibleChoiceTexts(view: DeliveryView): string[] {
  const gaps = arrayOf(view.gaps).flatMap((gap) => textsOf(isRecord(gap) ? gap.choices : undefined));
  const unit = typeof view.unit === 'string' ? [view.unit] : [];
  return [...textsOf(view.options), ...textsOf(view.choices), ...textsOf(view.sources), ...textsOf(view.targets), ...gaps, ...unit];
}

/** The `text` of each `{ text }` in a list (options, choices, matching sides). */
function textsOf(list: unknown): string[] {
  return arrayOf(list).flatMap((entry) => (isRecord(entry) && typeof entry.text === 'string' ? [entry.text] : []));
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
