import { describe, expect, it } from 'vitest';
import { deliveryView } from '../src/items/item-delivery.js';
import { prepareItem } from '../src/items/item-normalise.js';
import { itemSearchDocument } from '../src/items/item-search.js';
import type { ItemContent, ItemVersion } from '../src/items/item-types.js';
import { sampleItems } from './fixtures/items-samples.js';

const frozen = (content: ItemContent, n: number): ItemVersion => ({
  ...prepareItem(content), id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, version: 1, publishedAt: '2025-01-01T00:00:00.000Z', publishedBy: null,
});
const versions = sampleItems().map(frozen);
const ofType = (type: ItemContent['type']) => versions.find((v) => v.type === type)!;
const textOf = (version: ItemVersion) => {
  const doc = itemSearchDocument(version);
  return `${doc.title} ${doc.summary} ${doc.body}`;
};

/** For each sample type: words only its answers, feedback, hints or hidden tests hold. */
const hidden: Partial<Record<ItemContent['type'], string[]>> = {
  single_choice: ['987', 'Right', 'Not quite', 'Second city', 'Seine', 'Eiffel'],
  true_false: ['1 atm'],
  numeric: ['9.81', '0.02'],
  short_text: ['Shakespeare'],
  cloze: ['winter'],
  code: ['-1 1', 'pass'],
};

describe('the search document of a published item', () => {
  it('holds the title, the question and the choices students see', () => {
    expect(itemSearchDocument(ofType('single_choice'))).toMatchObject({
      title: 'Capital of France', summary: 'Which city is the capital of France?', body: 'Paris Lyon Marseille Nice', version: 1,
    });
    expect(textOf(ofType('matching'))).toMatch(/France.*Germany/);
    expect(textOf(ofType('cloze'))).toContain('spring summer');
    expect(textOf(ofType('numeric'))).toContain('m/s²');
  });

  it('never holds answers, feedback, hints or hidden tests', () => {
    for (const [type, words] of Object.entries(hidden)) {
      for (const word of words) expect(textOf(ofType(type as ItemContent['type'])), `${type}: ${word}`).not.toContain(word);
    }
  });

  it('lists ordering and matching choices in the delivery order, not the authored (correct) one', () => {
    const ordering = ofType('ordering');
    const shown = (deliveryView(ordering).choices as Array<{ text: string }>).map((c) => c.text).join(' ');
    expect(itemSearchDocument(ordering).body).toBe(shown);
    const matching = ofType('matching');
    const targets = (deliveryView(matching).targets as Array<{ text: string }>).map((c) => c.text).join(' ');
    expect(itemSearchDocument(matching).body).toBe(`France Germany ${targets}`);
  });
});
