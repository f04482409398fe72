import type { Tx } from '@tessera/platform';
import type { ItemContent, ItemOf } from './item-types.js';
import { findItemDrafts } from './item.repository.js';
import type { ItemsDatabase } from './item.table.js';
import { normaliseAnswer } from './answer-matching.js';
import { unsafePatternReason } from './safe-pattern.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `{{gapId}}` in a cloze stem marks where gap `gapId` goes. */
export const GAP_MARKER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]{0,63})\s*\}\}/g;

/**
 * Everything that keeps an item from being published, as sentences an author can act on. Drafts may be
 * incomplete; publishing (and course publishing) refuses an item with any problem.
 */
export function itemProblems(item: ItemContent): string[] {
  const problems: string[] = [];
  if (textOf(item.stem) === '' && item.type !== 'cloze') problems.push('stem: the question text is empty');
  problems.push(...typeProblems(item));
  return problems;
}

/** The problems of the tenant's items `itemIds` (missing ones included), for publishing a course that uses them. */
export async function itemProblemsById<DB>(tx: Tx<DB>, tenantId: string, itemIds: readonly string[]): Promise<Array<{ itemId: string; problem: string }>> {
  // A malformed id cannot name an item; keeping it out of the query keeps PostgreSQL from refusing the cast.
  const wellFormed = [...new Set(itemIds)].filter((id) => UUID.test(id));
  const drafts = await findItemDrafts(tx as unknown as Tx<ItemsDatabase>, tenantId, wellFormed);
  const byId = new Map(drafts.map((item) => [item.id, item]));
  return [...new Set(itemIds)].flatMap((itemId) => {
    const item = byId.get(itemId);
    if (!item) return [{ itemId, problem: `item ${itemId} does not exist` }];
    return itemProblems(item).map((problem) => ({ itemId, problem: `item "${item.title}": ${problem}` }));
  });
}

function typeProblems(item: ItemContent): string[] {
  switch (item.type) {
    case 'single_choice': return [...choiceProblems(item), ...exactlyOneCorrect(item)];
    case 'multiple_choice': return [...choiceProblems(item), ...(item.options.some((o) => o.correct) ? [] : ['options: no option is marked correct'])];
    case 'true_false': return item.answer === null ? ['answer: no correct answer (true or false) is set'] : [];
    case 'numeric': return numericProblems(item);
    case 'short_text': return shortTextProblems(item);
    case 'ordering': return orderingProblems(item);
    case 'matching': return matchingProblems(item);
    case 'cloze': return clozeProblems(item);
    case 'essay': return item.rubric.length === 0 ? ['rubric: an essay needs at least one rubric criterion for its graders'] : [];
    case 'code': return item.testCases.length === 0 ? ['testCases: a code item needs at least one test case'] : [];
  }
}

function choiceProblems(item: ItemOf<'single_choice' | 'multiple_choice'>): string[] {
  const problems: string[] = [];
  if (item.options.length < 2) problems.push(`options: a choice item needs at least 2 options (has ${item.options.length})`);
  problems.push(...duplicates('options', item.options.map((o) => o.id), 'identifier'));
  problems.push(...duplicates('options', item.options.map((o) => textOf(o.text).toLowerCase()), 'text'));
  item.options.forEach((o, i) => { if (textOf(o.text) === '') problems.push(`options/${i}: the option text is empty`); });
  return problems;
}

function exactlyOneCorrect(item: ItemOf<'single_choice'>): string[] {
  const correct = item.options.filter((o) => o.correct).length;
  if (correct === 0) return ['options: no option is marked correct'];
  return correct === 1 ? [] : [`options: exactly one option of a single-choice item must be correct (${correct} are)`];
}

function numericProblems(item: ItemOf<'numeric'>): string[] {
  const problems: string[] = [];
  if (item.value === null) problems.push('value: a numeric item needs the correct value');
  if (item.unitAliases?.length && !item.unit) problems.push('unitAliases: aliases need a unit');
  if (item.tolerance?.mode === 'relative' && item.tolerance.amount >= 1) problems.push('tolerance: a relative tolerance must be below 1 (100 %)');
  return problems;
}

function shortTextProblems(item: ItemOf<'short_text'>): string[] {
  const problems: string[] = [];
  const patterns = item.patterns ?? [];
  if (item.accepted.length === 0 && patterns.length === 0) problems.push('accepted: no accepted answer or pattern');
  problems.push(...duplicates('accepted', item.accepted.map((a) => normaliseAnswer(a, item.normalise)), 'answer'));
  patterns.forEach((pattern, i) => {
    const reason = unsafePatternReason(pattern);
    if (reason) problems.push(`patterns/${i}: the pattern ${reason}`);
  });
  return problems;
}

function orderingProblems(item: ItemOf<'ordering'>): string[] {
  const ids = item.choices.map((c) => c.id);
  const problems = duplicates('choices', ids, 'identifier');
  if (item.choices.length < 2) problems.push(`choices: an ordering item needs at least 2 choices (has ${item.choices.length})`);
  const order = item.correctOrder;
  if (order.length !== ids.length || new Set(order).size !== order.length || order.some((id) => !ids.includes(id))) {
    problems.push('correctOrder: must list every choice exactly once');
  }
  return problems;
}

function matchingProblems(item: ItemOf<'matching'>): string[] {
  const sources = item.sources.map((s) => s.id);
  const targets = item.targets.map((t) => t.id);
  const problems = duplicates('sources and targets', [...sources, ...targets], 'identifier');
  if (sources.length === 0 || targets.length === 0) problems.push('sources/targets: a matching item needs both sides');
  if (item.pairs.length === 0) problems.push('pairs: no correct pair is given');
  item.pairs.forEach((pair, i) => {
    if (!sources.includes(pair.source)) problems.push(`pairs/${i}: unknown source "${pair.source}"`);
    if (!targets.includes(pair.target)) problems.push(`pairs/${i}: unknown target "${pair.target}"`);
  });
  problems.push(...duplicates('pairs', item.pairs.map((p) => `${p.source} → ${p.target}`), 'pair'));
  return problems;
}

function clozeProblems(item: ItemOf<'cloze'>): string[] {
  const markers = [...item.stem.matchAll(GAP_MARKER)].map((m) => m[1] ?? '');
  const gaps = item.gaps.map((g) => g.id);
  const problems = [...duplicates('gaps', gaps, 'identifier'), ...duplicates('stem', markers, 'gap marker')];
  if (gaps.length === 0) problems.push('gaps: a cloze item needs at least one gap');
  for (const id of gaps) if (!markers.includes(id)) problems.push(`stem: gap "${id}" has no {{${id}}} marker in the text`);
  for (const id of new Set(markers)) if (!gaps.includes(id)) problems.push(`gaps: the marker {{${id}}} has no gap`);
  item.gaps.forEach((gap, i) => {
    if (gap.kind === 'text' && gap.accepted.length === 0) problems.push(`gaps/${i}: gap "${gap.id}" has no accepted answer`);
    if (gap.kind === 'choice') {
      if (gap.choices.length < 2) problems.push(`gaps/${i}: gap "${gap.id}" needs at least 2 choices`);
      if (gap.correct === null || !gap.choices.some((c) => c.id === gap.correct)) problems.push(`gaps/${i}: gap "${gap.id}" has no correct choice`);
      problems.push(...duplicates(`gaps/${i}/choices`, gap.choices.map((c) => c.id), 'identifier'));
    }
  });
  return problems;
}

function duplicates(field: string, values: string[], what: string): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated].map((value) => `${field}: duplicate ${what} "${value}"`);
}

/** The visible text of rich text, to tell an empty stem or option from a filled one. */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;|\u00a0/g, ' ').trim();
}
