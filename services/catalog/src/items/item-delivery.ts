import { createHash } from 'node:crypto';
import type { ItemContent, ItemVersion } from './item-types.js';

/** What a student sees of a published version: the question, never its answers, answer feedback or hidden tests. */
export type DeliveryView = Record<string, unknown> & { id: string; type: ItemContent['type']; version: number };

/** The delivery view of a frozen version. */
export function deliveryView(version: ItemVersion): DeliveryView {
  const { feedback: _feedback, irt: _irt, difficulty: _difficulty, ...rest } = version;
  switch (rest.type) {
    case 'single_choice':
    case 'multiple_choice':
      return { ...rest, options: rest.options.map(({ id, text }) => ({ id, text })) };
    case 'true_false': {
      const { answer: _answer, feedbackTrue: _t, feedbackFalse: _f, ...shown } = rest;
      return shown;
    }
    case 'numeric': {
      const { value: _value, tolerance: _tolerance, ...shown } = rest;
      return shown;
    }
    case 'short_text': {
      const { accepted: _accepted, patterns: _patterns, normalise: _normalise, ...shown } = rest;
      return shown;
    }
    case 'ordering': {
      const { correctOrder: _order, ...shown } = rest;
      // Authors usually write the choices in the right order: show them in an order that gives nothing away.
      return { ...shown, choices: scrambled(rest.choices, rest.id) };
    }
    case 'matching': {
      const { pairs: _pairs, ...shown } = rest;
      return { ...shown, targets: scrambled(rest.targets, rest.id) };
    }
    case 'cloze':
      return { ...rest, gaps: rest.gaps.map((gap) => (gap.kind === 'text' ? { id: gap.id, kind: gap.kind } : { id: gap.id, kind: gap.kind, choices: gap.choices })) };
    case 'essay':
      return rest;
    case 'code':
      return { ...rest, testCases: rest.testCases.filter((test) => !test.hidden) };
  }
}

/** A fixed order per item that does not follow the authored one. */
function scrambled<T extends { id: string }>(choices: T[], seed: string): T[] {
  const key = (choice: T) => createHash('sha256').update(`${seed}:${choice.id}`).digest('hex');
  return [...choices].sort((a, b) => (key(a) < key(b) ? -1 : 1));
}
