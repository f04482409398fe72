/** Auto-grading: scores a student's response to a catalog item, with the feedback to show. */
export { gradeItem } from './grade-item.js';
export type { ScoringRules, ItemOutcome, GradedOutcome, PendingOutcome } from './outcome.js';
export {
  ItemResponse, SingleChoiceResponse, MultipleChoiceResponse, TrueFalseResponse, NumericResponse, ShortTextResponse,
  OrderingResponse, MatchingResponse, ClozeResponse, EssayResponse, CodeResponse, responseFits, type ResponseOf,
} from './responses.js';
