import type { ItemOf } from '@tessera/catalog/contract';
import type { Judgement } from './outcome.js';
import type { ResponseOf } from './responses.js';

type ChoiceOption = ItemOf<'single_choice'>['options'][number];

/** Right when the chosen option is a correct one; an id the item does not have is simply wrong. */
export function judgeSingleChoice(item: ItemOf<'single_choice'>, response: ResponseOf<'single_choice'>): Judgement {
  const chosen = item.options.filter((option) => option.id === response.choice);
  return {
    fraction: chosen.some((option) => option.correct) ? 1 : 0,
    ...choiceTrail(chosen),
  };
}

/**
 * Right picks minus wrong picks (unknown ids are wrong picks), over the number of correct options, floored
 * at 0, so ticking every box earns nothing. An item whose options are all wrong is answered by ticking none.
 */
export function judgeMultipleChoice(item: ItemOf<'multiple_choice'>, response: ResponseOf<'multiple_choice'>): Judgement {
  const picked = new Set(response.choices);
  const chosen = item.options.filter((option) => picked.has(option.id));
  const rightPicks = chosen.filter((option) => option.correct).length;
  const wrongPicks = picked.size - rightPicks;
  const correctCount = item.options.filter((option) => option.correct).length;
  const fraction = correctCount === 0
    ? (picked.size === 0 ? 1 : 0)
    : Math.max(0, (rightPicks - wrongPicks) / correctCount);
  return { fraction, ...choiceTrail(chosen) };
}

/** Right when the value is the answer; an item without an answer yet marks every response wrong. */
export function judgeTrueFalse(item: ItemOf<'true_false'>, response: ResponseOf<'true_false'>): Judgement {
  return {
    fraction: item.answer !== null && response.value === item.answer ? 1 : 0,
    selected: [String(response.value)],
    choiceFeedback: [response.value ? item.feedbackTrue : item.feedbackFalse],
  };
}

/** What was chosen, in the item's order, for distractor analysis, and the feedback those options carry. */
function choiceTrail(chosen: readonly ChoiceOption[]): Pick<Judgement, 'selected' | 'choiceFeedback'> {
  return {
    selected: chosen.map((option) => option.id),
    choiceFeedback: chosen.map((option) => option.feedback),
  };
}
