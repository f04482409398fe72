import type { ItemContent } from '@tessera/catalog/contract';
import { judgeMultipleChoice, judgeSingleChoice, judgeTrueFalse } from './choice.js';
import { gradedFeedback, pendingFeedback } from './feedback.js';
import { judgeNumeric } from './numeric.js';
import { shareRight, type GradedOutcome, type ItemOutcome, type Judgement, type ScoringRules } from './outcome.js';
import { responseFits, type ItemResponse } from './responses.js';
import { assertScoringInput, scoreAnswered } from './scoring.js';
import { judgeMatching, judgeOrdering } from './structured.js';
import { judgeCloze, judgeShortText } from './text.js';

type Deferred = 'needs_manual' | 'awaiting_code_grader';

/**
 * Scores one response to one item worth `points`. A blank (null) response scores 0 whatever the item type,
 * since there is nothing to mark; a response of another type than the item is wrong. Essays wait for a
 * person and code for the code runner. Throws a RangeError for points or rules no assessment can have.
 */
export function gradeItem(item: ItemContent, response: ItemResponse | null, points: number, rules: ScoringRules): ItemOutcome {
  assertScoringInput(points, rules);
  if (response === null) return blankOutcome(item, points);
  const judgement = judge(item, response);
  if (typeof judgement === 'string') return deferredOutcome(judgement, item, points);
  return answeredOutcome(item, judgement, points, rules);
}

/** How much of the response is right, or who scores it when this engine cannot. */
function judge(item: ItemContent, response: ItemResponse): Judgement | Deferred {
  const wrongType = shareRight(0);
  switch (item.type) {
    case 'single_choice': return responseFits(item.type, response) ? judgeSingleChoice(item, response) : wrongType;
    case 'multiple_choice': return responseFits(item.type, response) ? judgeMultipleChoice(item, response) : wrongType;
    case 'true_false': return responseFits(item.type, response) ? judgeTrueFalse(item, response) : wrongType;
    case 'numeric': return responseFits(item.type, response) ? judgeNumeric(item, response) : wrongType;
    case 'short_text': return responseFits(item.type, response) ? judgeShortText(item, response) : wrongType;
    case 'ordering': return responseFits(item.type, response) ? judgeOrdering(item, response) : wrongType;
    case 'matching': return responseFits(item.type, response) ? judgeMatching(item, response) : wrongType;
    case 'cloze': return responseFits(item.type, response) ? judgeCloze(item, response) : wrongType;
    case 'essay': return responseFits(item.type, response) ? 'needs_manual' : wrongType;
    case 'code': return responseFits(item.type, response) ? 'awaiting_code_grader' : wrongType;
  }
}

function answeredOutcome(item: ItemContent, judgement: Judgement, points: number, rules: ScoringRules): GradedOutcome {
  const fraction = clampFraction(judgement.fraction);
  const correct = fraction === 1;
  return {
    status: 'graded',
    score: scoreAnswered(fraction, points, rules),
    maxScore: points,
    correct,
    fraction,
    selected: judgement.selected,
    feedback: gradedFeedback(item, correct, judgement.choiceFeedback),
  };
}

/** Nothing answered: no points, never a penalty, and the feedback of a response that is not right. */
function blankOutcome(item: ItemContent, points: number): GradedOutcome {
  return {
    status: 'graded', score: 0, maxScore: points, correct: false, fraction: 0, selected: [],
    feedback: gradedFeedback(item, false, []),
  };
}

function deferredOutcome(status: Deferred, item: ItemContent, points: number): ItemOutcome {
  return { status, score: null, maxScore: points, selected: [], feedback: pendingFeedback(item) };
}

/** Judges compute shares of whole counts; this only guards the invariant against a future slip. */
function clampFraction(fraction: number): number {
  return Number.isNaN(fraction) ? 0 : Math.min(1, Math.max(0, fraction));
}
