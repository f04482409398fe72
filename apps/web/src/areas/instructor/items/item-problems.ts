import type { ItemBody, ItemOf } from './item-model';
import { textOfHtml } from '../../../ui';

/** One reason an item cannot be published yet: a key of the `instructor` catalog (under `itemProblem.`) and its values. */
export interface ItemProblem {
  key: string;
  values?: Record<string, string | number>;
}

/** `{{gapId}}` in a cloze's text marks where gap `gapId` goes (the API's own rule). */
export const GAP_MARKER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]{0,63})\s*\}\}/g;
const LANGUAGE = /^[a-z][a-z0-9+#.-]{0,31}$/;

/**
 * What keeps an item from being published, checked as the author types so the editor can say it before the
 * API does (the API checks the same on publish and has the last word). Drafts may be saved incomplete.
 */
export function itemProblems(item: ItemBody): ItemProblem[] {
  const problems: ItemProblem[] = [];
  if (item.title.trim() === '') problems.push({ key: 'title' });
  if (item.type !== 'cloze' && textOfHtml(item.stem) === '') problems.push({ key: 'stem' });
  return [...problems, ...typeProblems(item)];
}

function typeProblems(item: ItemBody): ItemProblem[] {
  switch (item.type) {
    case 'single_choice': return [...choiceProblems(item), ...singleCorrect(item)];
    case 'multiple_choice': return [...choiceProblems(item), ...(item.options.some((o) => o.correct) ? [] : [{ key: 'noCorrectOption' }])];
    case 'true_false': return item.answer === null || item.answer === undefined ? [{ key: 'trueFalseAnswer' }] : [];
    case 'numeric': return numericProblems(item);
    case 'short_text': return shortTextProblems(item);
    case 'ordering': return orderingProblems(item);
    case 'matching': return matchingProblems(item);
    case 'cloze': return clozeProblems(item);
    case 'essay': return essayProblems(item);
    case 'code': return codeProblems(item);
  }
}

function choiceProblems(item: ItemOf<'single_choice' | 'multiple_choice'>): ItemProblem[] {
  const problems: ItemProblem[] = [];
  if (item.options.length < 2) problems.push({ key: 'fewOptions', values: { count: item.options.length } });
  item.options.forEach((option, index) => {
    if (textOfHtml(option.text) === '') problems.push({ key: 'emptyOption', values: { n: index + 1 } });
  });
  const texts = item.options.map((option) => textOfHtml(option.text).toLowerCase()).filter(Boolean);
  if (new Set(texts).size !== texts.length) problems.push({ key: 'duplicateOptions' });
  return problems;
}

function singleCorrect(item: ItemOf<'single_choice'>): ItemProblem[] {
  const correct = item.options.filter((option) => option.correct).length;
  if (correct === 0) return [{ key: 'noCorrectOption' }];
  return correct === 1 ? [] : [{ key: 'oneCorrectOption', values: { count: correct } }];
}

function numericProblems(item: ItemOf<'numeric'>): ItemProblem[] {
  const problems: ItemProblem[] = [];
  if (item.value === null || item.value === undefined || !Number.isFinite(item.value)) problems.push({ key: 'numericValue' });
  if (item.tolerance?.mode === 'relative' && item.tolerance.amount >= 1) problems.push({ key: 'relativeTolerance' });
  if (item.unitAliases?.length && !item.unit) problems.push({ key: 'aliasesWithoutUnit' });
  return problems;
}

function shortTextProblems(item: ItemOf<'short_text'>): ItemProblem[] {
  const accepted = item.accepted.filter((answer) => answer.trim() !== '');
  const problems: ItemProblem[] = [];
  if (accepted.length === 0 && (item.patterns ?? []).length === 0) problems.push({ key: 'noAcceptedAnswer' });
  if (accepted.length !== item.accepted.length) problems.push({ key: 'emptyAcceptedAnswer' });
  return problems;
}

function orderingProblems(item: ItemOf<'ordering'>): ItemProblem[] {
  const problems: ItemProblem[] = [];
  if (item.choices.length < 2) problems.push({ key: 'fewChoices', values: { count: item.choices.length } });
  item.choices.forEach((choice, index) => {
    if (textOfHtml(choice.text) === '') problems.push({ key: 'emptyChoice', values: { n: index + 1 } });
  });
  return problems;
}

function matchingProblems(item: ItemOf<'matching'>): ItemProblem[] {
  const problems: ItemProblem[] = [];
  if (item.sources.length === 0 || item.targets.length === 0) problems.push({ key: 'matchingSides' });
  if (item.pairs.length === 0) problems.push({ key: 'noPairs' });
  [...item.sources, ...item.targets].forEach((entry) => {
    if (textOfHtml(entry.text) === '') problems.push({ key: 'emptyMatchingEntry', values: { id: entry.id } });
  });
  return problems;
}

export function markersOf(stem: string): string[] {
  return [...stem.matchAll(GAP_MARKER)].map((match) => match[1] ?? '');
}

function clozeProblems(item: ItemOf<'cloze'>): ItemProblem[] {
  const problems: ItemProblem[] = [];
  const markers = markersOf(item.stem);
  const gaps = item.gaps.map((gap) => gap.id);
  if (gaps.length === 0) problems.push({ key: 'noGaps' });
  for (const id of gaps) if (!markers.includes(id)) problems.push({ key: 'gapWithoutMarker', values: { id, marker: `{{${id}}}` } });
  for (const id of new Set(markers)) if (!gaps.includes(id)) problems.push({ key: 'markerWithoutGap', values: { id, marker: `{{${id}}}` } });
  for (const gap of item.gaps) {
    if (gap.kind === 'text' && gap.accepted.filter((answer) => answer.trim() !== '').length === 0) problems.push({ key: 'gapNoAnswer', values: { id: gap.id } });
    if (gap.kind === 'choice' && gap.choices.length < 2) problems.push({ key: 'gapFewChoices', values: { id: gap.id } });
    if (gap.kind === 'choice' && !gap.choices.some((choice) => choice.id === gap.correct)) problems.push({ key: 'gapNoCorrect', values: { id: gap.id } });
  }
  return problems;
}

function essayProblems(item: ItemOf<'essay'>): ItemProblem[] {
  const problems: ItemProblem[] = [];
  if (item.rubric.length === 0) problems.push({ key: 'noRubric' });
  item.rubric.forEach((criterion, index) => {
    if (criterion.criterion.trim() === '') problems.push({ key: 'emptyCriterion', values: { n: index + 1 } });
  });
  return problems;
}

function codeProblems(item: ItemOf<'code'>): ItemProblem[] {
  const problems: ItemProblem[] = [];
  if (!LANGUAGE.test(item.language)) problems.push({ key: 'codeLanguage' });
  if (item.testCases.length === 0) problems.push({ key: 'noTestCases' });
  return problems;
}
