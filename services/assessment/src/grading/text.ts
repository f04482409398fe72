import { normaliseAnswer, shortTextAccepts, type ItemOf } from '@tessera/catalog/contract';
import { shareRight, type Judgement } from './outcome.js';
import type { ResponseOf } from './responses.js';

type Gap = ItemOf<'cloze'>['gaps'][number];

/** Right when the catalog's own answer matching accepts the text (accepted answers, then patterns). */
export function judgeShortText(item: ItemOf<'short_text'>, response: ResponseOf<'short_text'>): Judgement {
  return shareRight(shortTextAccepts(item, response.text) ? 1 : 0);
}

/**
 * The share of the item's gaps filled right. Gap ids the item does not have fill no gap, so they earn
 * nothing; a gap left out is wrong.
 */
export function judgeCloze(item: ItemOf<'cloze'>, response: ResponseOf<'cloze'>): Judgement {
  if (item.gaps.length === 0) return shareRight(Object.keys(response.gaps).length === 0 ? 1 : 0);
  const right = item.gaps.filter((gap) => gapFilledRight(gap, answerFor(response.gaps, gap.id))).length;
  return shareRight(right / item.gaps.length);
}

/** Text gaps compare like short-text answers (trimmed, whitespace collapsed, case-insensitive unless set); choice gaps by id. */
export function gapFilledRight(gap: Gap, given: string | undefined): boolean {
  if (given === undefined) return false;
  if (gap.kind === 'choice') return gap.correct !== null && given === gap.correct;
  const rules = { caseSensitive: gap.caseSensitive ?? false };
  const answer = normaliseAnswer(given, rules);
  return gap.accepted.some((accepted) => normaliseAnswer(accepted, rules) === answer);
}

/** The answer to one gap; own keys only, since gap ids such as "constructor" are valid identifiers. */
function answerFor(gaps: Readonly<Record<string, string>>, gapId: string): string | undefined {
  if (!Object.hasOwn(gaps, gapId)) return undefined;
  const answer = gaps[gapId];
  return typeof answer === 'string' ? answer : undefined;
}
