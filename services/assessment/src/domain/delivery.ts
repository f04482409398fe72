import { deliveryView, type ItemVersion } from '@tessera/catalog/contract';
import type { DrawnSlot } from './draw.js';

/** How many options an item version shows that an attempt may shuffle (0: none). */
export function optionCount(content: Record<string, unknown>): number {
  const options = content.options;
  return Array.isArray(options) && (content.type === 'single_choice' || content.type === 'multiple_choice') ? options.length : 0;
}

/**
 * The item of a slot as the student taking the attempt sees it: catalog's delivery view (no answers, no
 * answer feedback, no hidden tests), without hints (an exam is not practice), options in the attempt's order.
 */
export function examView(slot: DrawnSlot, content: Record<string, unknown>): Record<string, unknown> {
  const view = deliveryView({ ...content, id: slot.itemId, version: slot.version, publishedAt: '', publishedBy: null } as unknown as ItemVersion);
  const { hints: _hints, publishedAt: _publishedAt, publishedBy: _publishedBy, ...shown } = view;
  const options = shown.options;
  if (slot.optionOrder && Array.isArray(options)) {
    return { ...shown, options: slot.optionOrder.map((i) => options[i]).filter((o) => o !== undefined) };
  }
  return shown;
}
