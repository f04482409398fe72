import { plainTextOf, sanitizeRichHtml } from '../domain/rich-text.js';
import type { ItemContent } from './item-types.js';

const clean = (html: string) => sanitizeRichHtml(html).trim();
const cleanOptional = (html: string | undefined) => (html === undefined ? undefined : clean(html));
const cleanChoices = <T extends { text: string }>(choices: T[]): T[] => choices.map((c) => ({ ...c, text: clean(c.text) }));

/**
 * An item as it is stored: every rich-text field sanitised (whatever the client or a QTI file sent) and the
 * optional common fields filled in, so reads always show the same shape.
 */
export function prepareItem(item: ItemContent): ItemContent {
  const feedback = Object.fromEntries(Object.entries(item.feedback ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => [k, clean(v)]));
  const common = {
    ...item,
    stem: clean(item.stem),
    skills: item.skills ?? [],
    difficulty: item.difficulty ?? null,
    irt: item.irt ?? null,
    feedback,
    hints: (item.hints ?? []).map(clean),
    courseId: item.courseId ?? null,
  };
  switch (common.type) {
    case 'single_choice':
    case 'multiple_choice':
      return { ...common, shuffle: common.shuffle ?? false, options: common.options.map((o) => dropUndefined({ ...o, text: clean(o.text), feedback: cleanOptional(o.feedback) })) };
    case 'true_false':
      return dropUndefined({ ...common, feedbackTrue: cleanOptional(common.feedbackTrue), feedbackFalse: cleanOptional(common.feedbackFalse) });
    case 'ordering':
      return { ...common, choices: cleanChoices(common.choices) };
    case 'matching':
      return { ...common, sources: cleanChoices(common.sources), targets: cleanChoices(common.targets) };
    case 'cloze':
      return { ...common, gaps: common.gaps.map((g) => (g.kind === 'choice' ? { ...g, choices: cleanChoices(g.choices) } : { ...g, caseSensitive: g.caseSensitive ?? false })) };
    default:
      return common;
  }
}

/** Title and stem as plain text, for the `q` filter and the search index. */
export function searchTextOf(item: ItemContent): string {
  return `${item.title} ${plainTextOf(item.stem)}`.slice(0, 20_000);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
