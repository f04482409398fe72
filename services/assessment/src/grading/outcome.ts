/** How points follow from how much of a response is right; set per assessment. */
export interface ScoringRules {
  /** all_or_nothing: full points only when wholly right; proportional: the right share of the points (multiple choice, ordering, matching, cloze). */
  partialCredit: 'all_or_nothing' | 'proportional';
  /** Share of the item's points taken off for a wrong answer (not for a blank one): 0 (none) .. 1. */
  negativeMarking: number;
}

/** An item scored here, from its key. */
export interface GradedOutcome {
  status: 'graded';
  /** Points earned, rounded to 4 decimals; negative under negative marking. */
  score: number;
  maxScore: number;
  /** Whether the response is wholly right (`fraction === 1`). */
  correct: boolean;
  /** Share of the response that is right, 0..1, before the scoring rules. */
  fraction: number;
  /** The options chosen ('true'/'false' for true-false), for distractor analysis; empty for other types. */
  selected: string[];
  /** Feedback HTML to show, in order: general, correct or incorrect, then per chosen option. */
  feedback: string[];
}

/** An item a person (essay) or the code runner (code) scores later. */
export interface PendingOutcome<S extends 'needs_manual' | 'awaiting_code_grader'> {
  status: S;
  score: null;
  maxScore: number;
  selected: [];
  /** The general feedback only: whether the response is right is not known yet. */
  feedback: string[];
}

export type ItemOutcome =
  | GradedOutcome
  | PendingOutcome<'needs_manual'>
  | PendingOutcome<'awaiting_code_grader'>;

/** What judging a response against an item's key finds, before the scoring rules turn it into points. */
export interface Judgement {
  /** Share right, 0..1. */
  fraction: number;
  selected: string[];
  /** Feedback attached to what was chosen (options, true or false); blanks allowed, they are dropped later. */
  choiceFeedback: Array<string | undefined>;
}

/** The judgement of a response to an item without options to choose: only its right share. */
export function shareRight(fraction: number): Judgement {
  return { fraction, selected: [], choiceFeedback: [] };
}
