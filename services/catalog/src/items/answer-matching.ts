import type { ItemOf, Normalisation } from './item-types.js';
import { unsafePatternReason } from './safe-pattern.js';

/** The normalisation rules with their defaults filled in. */
export function normalisationOf(rules: Normalisation | undefined): Required<Normalisation> {
  return {
    caseSensitive: rules?.caseSensitive ?? false,
    collapseWhitespace: rules?.collapseWhitespace ?? true,
    unicode: rules?.unicode ?? true,
    ignoreDiacritics: rules?.ignoreDiacritics ?? false,
  };
}

/** A short-text answer in the form accepted answers are compared in. */
export function normaliseAnswer(text: string, rules: Normalisation | undefined): string {
  const r = normalisationOf(rules);
  let value = r.unicode ? text.normalize('NFKC') : text;
  if (r.ignoreDiacritics) value = value.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  if (r.collapseWhitespace) value = value.trim().replace(/\s+/gu, ' ');
  if (!r.caseSensitive) value = value.toLocaleLowerCase('und');
  return value;
}

/**
 * True when `answer` matches an accepted answer or pattern of a short-text item. Patterns were checked for
 * catastrophic backtracking when saved; unsafe ones are skipped here too, so a bad row can never hang grading.
 */
export function shortTextAccepts(item: ItemOf<'short_text'>, answer: string): boolean {
  if (answer.length > 1_000) return false;
  const given = normaliseAnswer(answer, item.normalise);
  if (item.accepted.some((accepted) => normaliseAnswer(accepted, item.normalise) === given)) return true;
  const flags = normalisationOf(item.normalise).caseSensitive ? 'u' : 'iu';
  return (item.patterns ?? []).some((pattern) =>
    unsafePatternReason(pattern) === null && new RegExp(`^(?:${pattern})$`, flags).test(given));
}
