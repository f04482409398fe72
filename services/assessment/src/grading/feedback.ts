import type { ItemContent } from '@tessera/catalog/contract';

/** Feedback for a scored response: general, then correct or incorrect, then what the chosen options carry. */
export function gradedFeedback(item: ItemContent, correct: boolean, choiceFeedback: ReadonlyArray<string | undefined>): string[] {
  const verdict = correct ? item.feedback?.correct : item.feedback?.incorrect;
  return shown([item.feedback?.general, verdict, ...choiceFeedback]);
}

/** Feedback while a response waits for a person or the code runner: whether it is right is not known yet. */
export function pendingFeedback(item: ItemContent): string[] {
  return shown([item.feedback?.general]);
}

/** Empty feedback would render as a blank box: drop it. */
function shown(feedback: ReadonlyArray<string | undefined>): string[] {
  return feedback.filter((html): html is string => typeof html === 'string' && html.trim() !== '');
}
