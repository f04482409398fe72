import type { Candidate } from './selection.js';

/** Item types a machine grades at once (essays wait for a person and code for a runner: not practice material). */
const PRACTICE_TYPES = new Set(['single_choice', 'multiple_choice', 'true_false', 'numeric', 'short_text', 'ordering', 'matching', 'cloze']);

export function isPracticeType(type: string): boolean {
  return PRACTICE_TYPES.has(type);
}

/** What selection needs of an item. */
export function candidateOf(item: { itemId: string; skills: string[]; uses: number; examUses: number; gainSum: number; gainCount: number }): Candidate {
  return { itemId: item.itemId, skills: item.skills, uses: item.uses, examItem: item.examUses > 0, gainSum: item.gainSum, gainCount: item.gainCount };
}
