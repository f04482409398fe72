import { describe, expect, it } from 'vitest';
import { prepareItem } from '../src/items/item-normalise.js';
import { itemProblems } from '../src/items/item-problems.js';
import { candidateErrors } from '../src/items/item-validation.js';
import { itemToQti } from '../src/items/qti/qti-export.js';
import { qtiToItem } from '../src/items/qti/qti-import.js';
import { sampleItems } from './fixtures/items-samples.js';

describe('QTI round trip', () => {
  for (const version of ['2.1', '3.0'] as const) {
    for (const original of sampleItems()) {
      it(`${original.type} → QTI ${version} → JSON gives the same item`, () => {
        const stored = prepareItem(original);
        expect(itemProblems(stored)).toEqual([]);
        const exported = itemToQti(stored, 'item-1', version);
        expect(exported.xml).toContain(version === '2.1' ? '<assessmentItem' : '<qti-assessment-item');
        const imported = qtiToItem(exported.xml, exported.metadata);
        expect(candidateErrors(imported)).toEqual([]);
        expect(prepareItem(imported as never)).toEqual(stored);
      });
    }
  }

  it('gives the same item through QTI 2.1 and QTI 3.0', () => {
    for (const original of sampleItems()) {
      const stored = prepareItem(original);
      const via21 = itemToQti(stored, 'x', '2.1');
      const via30 = itemToQti(stored, 'x', '3.0');
      expect(qtiToItem(via21.xml, via21.metadata)).toEqual(qtiToItem(via30.xml, via30.metadata));
    }
  });
});
