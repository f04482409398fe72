import type { ItemContent } from '@tessera/catalog/contract';
import type { AnswerInput, SlotOutcome } from '../contract/attempts.js';
import type { ExamSettings } from '../contract/exams.js';
import { gradeItem } from '../grading/index.js';
import type { ItemResponse } from '../grading/responses.js';
import type { DrawnSlot } from './draw.js';

/** The answer per slot that counts: the highest seq, wherever it came from (autosaves applied, the submit itself). */
export function finalAnswers(saved: ReadonlyArray<Pick<AnswerInput, 'slot' | 'seq'> & { response: unknown }>, submitted: readonly AnswerInput[]): Map<string, ItemResponse | null> {
  const best = new Map<string, { seq: number; response: unknown }>();
  for (const answer of [...saved, ...submitted]) {
    const held = best.get(answer.slot);
    if (!held || answer.seq > held.seq) best.set(answer.slot, { seq: answer.seq, response: answer.response });
  }
  return new Map([...best].map(([slot, { response }]) => [slot, (response ?? null) as ItemResponse | null]));
}

/** An attempt's result: each slot's outcome and the totals, before anyone grades essays by hand. */
export interface AttemptScore {
  items: SlotOutcome[];
  status: 'graded' | 'pending_manual' | 'awaiting_code_grader';
  /** Sum of the slot scores, never below 0 (negative marking cannot make an exam score negative), penalty taken off. */
  score: number;
  maxScore: number;
  penalty: number;
  passed: boolean | null;
}

/** Grades every slot of an attempt with the item versions it was drawn with. */
export function scoreAttempt(slots: readonly DrawnSlot[], contents: ReadonlyMap<string, ItemContent>, answers: ReadonlyMap<string, ItemResponse | null>,
  settings: Pick<ExamSettings, 'partialCredit' | 'negativeMarking' | 'passingPercent'>, penaltyPercent: number): AttemptScore {
  const rules = { partialCredit: settings.partialCredit, negativeMarking: settings.negativeMarking };
  const items = slots.map((slot): SlotOutcome => {
    const content = contents.get(`${slot.itemId}@${slot.version}`);
    if (!content) throw new Error(`Item version ${slot.itemId}@${slot.version} is unknown to assessment`);
    const outcome = gradeItem(content, answers.get(slot.slot) ?? null, slot.points, rules);
    return {
      slot: slot.slot, itemId: slot.itemId, itemVersion: slot.version, status: outcome.status, score: outcome.score, maxScore: outcome.maxScore,
      correct: outcome.status === 'graded' ? outcome.correct : null, selected: outcome.selected, feedback: outcome.feedback,
    };
  });
  return { items, ...totalsOf(items, settings, penaltyPercent) };
}

/** The totals of slot outcomes (also after a person graded an essay, or a regrade). */
export function totalsOf(items: readonly SlotOutcome[], settings: Pick<ExamSettings, 'passingPercent'>, penaltyPercent: number): Omit<AttemptScore, 'items'> {
  const raw = Math.max(0, items.reduce((sum, item) => sum + (item.score ?? 0), 0));
  const maxScore = round(items.reduce((sum, item) => sum + item.maxScore, 0));
  const penalty = round(raw * penaltyPercent / 100);
  const score = round(raw - penalty);
  const status = items.some((i) => i.status === 'needs_manual') ? 'pending_manual' : items.some((i) => i.status === 'awaiting_code_grader') ? 'awaiting_code_grader' : 'graded';
  const passed = status === 'graded' && settings.passingPercent !== null && maxScore > 0 ? (score / maxScore) * 100 >= settings.passingPercent : null;
  return { status, score, maxScore, penalty, passed };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
