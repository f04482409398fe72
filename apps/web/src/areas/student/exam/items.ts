/**
 * Items as a student receives them (catalog's delivery view: no answers, no answer feedback, no hidden
 * tests). The API types them loosely (`type` plus any field), so the fields each type shows are read here,
 * defensively: a field the API left out renders as nothing rather than breaking the screen.
 */
export interface Choice {
  id: string;
  /** Sanitised HTML. */
  text: string;
}

interface Common {
  id: string;
  version: number;
  title: string;
  /** Sanitised HTML. */
  stem: string;
  hints: string[];
}

export type DeliveredItem = Common & (
  | { type: 'single_choice'; options: Choice[] }
  | { type: 'multiple_choice'; options: Choice[] }
  | { type: 'true_false' }
  | { type: 'numeric'; unit: string | null }
  | { type: 'short_text' }
  | { type: 'ordering'; choices: Choice[] }
  | { type: 'matching'; sources: Choice[]; targets: Choice[] }
  | { type: 'cloze'; gaps: Gap[] }
  | { type: 'essay'; expectedWords: number | null }
  | { type: 'code'; language: string; starterCode: string; testCases: { input: string; expected: string }[] }
  | { type: 'unknown'; declaredType: string }
);

export type Gap = { id: string; kind: 'text' } | { id: string; kind: 'choice'; choices: Choice[] };

type Raw = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): Raw[] => (Array.isArray(value) ? value.filter((entry): entry is Raw => typeof entry === 'object' && entry !== null) : []);
const choices = (value: unknown): Choice[] => list(value).map((choice) => ({ id: text(choice.id), text: text(choice.text) }));

/** Reads a delivered item into the shape of its type. */
export function deliveredItem(raw: Raw): DeliveredItem {
  const common: Common = {
    id: text(raw.id),
    version: typeof raw.version === 'number' ? raw.version : 0,
    title: text(raw.title),
    stem: text(raw.stem),
    hints: Array.isArray(raw.hints) ? raw.hints.filter((hint): hint is string => typeof hint === 'string') : [],
  };
  const type = text(raw.type);
  switch (type) {
    case 'single_choice':
      return { ...common, type, options: choices(raw.options) };
    case 'multiple_choice':
      return { ...common, type, options: choices(raw.options) };
    case 'true_false':
    case 'short_text':
      return { ...common, type };
    case 'numeric':
      return { ...common, type, unit: typeof raw.unit === 'string' ? raw.unit : null };
    case 'ordering':
      return { ...common, type, choices: choices(raw.choices) };
    case 'matching':
      return { ...common, type, sources: choices(raw.sources), targets: choices(raw.targets) };
    case 'cloze':
      return { ...common, type, gaps: list(raw.gaps).map(gapOf) };
    case 'essay':
      return { ...common, type, expectedWords: typeof raw.expectedWords === 'number' ? raw.expectedWords : null };
    case 'code':
      return {
        ...common, type, language: text(raw.language), starterCode: text(raw.starterCode),
        testCases: list(raw.testCases).map((test) => ({ input: text(test.input), expected: text(test.expected) })),
      };
    default:
      return { ...common, type: 'unknown', declaredType: type };
  }
}

function gapOf(gap: Raw): Gap {
  return gap.kind === 'choice' ? { id: text(gap.id), kind: 'choice', choices: choices(gap.choices) } : { id: text(gap.id), kind: 'text' };
}

/** The stem of a cloze item marks each gap as `{{gapId}}`. */
export const GAP_MARKER = /\{\{([A-Za-z_][A-Za-z0-9_.-]{0,63})\}\}/g;
