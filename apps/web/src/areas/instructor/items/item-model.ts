import type { BodyOf, ResponseOf } from '../lib/api-types';

/** An item exactly as `POST /api/v1/items` and `PUT /api/v1/items/{id}` take it: the editor's state. */
export type ItemBody = BodyOf<'/api/v1/items', 'post'>;
export type ItemType = ItemBody['type'];
export type ItemOf<T extends ItemType> = Extract<ItemBody, { type: T }>;
export type ItemSummary = ResponseOf<'/api/v1/items', 'get'>['items'][number];

export const ITEM_TYPES: ItemType[] = ['single_choice', 'multiple_choice', 'true_false', 'numeric', 'short_text', 'ordering', 'matching', 'cloze', 'essay', 'code'];

/** Fields every type has; `PUT` refuses anything else, so an item read back is reduced to these and its type's own. */
const COMMON_FIELDS = ['type', 'title', 'stem', 'skills', 'difficulty', 'irt', 'feedback', 'hints', 'courseId'] as const;
const TYPE_FIELDS: Record<ItemType, string[]> = {
  single_choice: ['options', 'shuffle'],
  multiple_choice: ['options', 'shuffle'],
  true_false: ['answer', 'feedbackTrue', 'feedbackFalse'],
  numeric: ['value', 'tolerance', 'unit', 'unitAliases'],
  short_text: ['accepted', 'patterns', 'normalise'],
  ordering: ['choices', 'correctOrder'],
  matching: ['sources', 'targets', 'pairs'],
  cloze: ['gaps'],
  essay: ['rubric', 'expectedWords'],
  code: ['language', 'starterCode', 'testCases'],
};

/** A new item of `type`, keeping the title and question text an author already wrote. */
export function blankItem(type: ItemType, keep: { title?: string; stem?: string } = {}): ItemBody {
  const base = { title: keep.title ?? '', stem: keep.stem ?? '' };
  switch (type) {
    case 'single_choice':
    case 'multiple_choice':
      return { type, ...base, options: [{ id: 'A', text: '', correct: false }, { id: 'B', text: '', correct: false }], shuffle: false };
    case 'true_false': return { type, ...base, answer: null };
    case 'numeric': return { type, ...base, value: null };
    case 'short_text': return { type, ...base, accepted: [] };
    case 'ordering': return { type, ...base, choices: [], correctOrder: [] };
    case 'matching': return { type, ...base, sources: [], targets: [], pairs: [] };
    case 'cloze': return { type, ...base, gaps: [] };
    case 'essay': return { type, ...base, rubric: [] };
    case 'code': return { type, ...base, language: 'python', starterCode: '', testCases: [] };
  }
}

/** An item as `GET /api/v1/items/{id}` returns it (with id, status, dates...) reduced to what a write takes. */
export function itemFromApi(item: object): ItemBody {
  const data = item as Record<string, unknown>;
  const type = data.type as ItemType;
  const fields = [...COMMON_FIELDS, ...TYPE_FIELDS[type]];
  const body: Record<string, unknown> = {};
  for (const field of fields) if (data[field] !== undefined) body[field] = data[field];
  return body as ItemBody;
}

/** The next free QTI identifier: A, B, ... Z, then A1, B1, ... (with a prefix for sources, targets, gaps). */
export function nextIdentifier(taken: string[], prefix = ''): string {
  for (let round = 0; ; round += 1) {
    for (let letter = 0; letter < 26; letter += 1) {
      const id = `${prefix}${String.fromCharCode(65 + letter)}${round === 0 ? '' : round}`;
      if (!taken.includes(id)) return id;
    }
  }
}

/** The next free numbered identifier: `${prefix}1`, `${prefix}2`, ... */
export function nextNumbered(taken: string[], prefix: string): string {
  for (let n = 1; ; n += 1) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Moves an entry of a list (for the up/down buttons of option lists). */
export function moved<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const copy = [...list];
  const [entry] = copy.splice(from, 1);
  if (entry !== undefined) copy.splice(to, 0, entry);
  return copy;
}

export function replaced<T>(list: T[], index: number, entry: T): T[] {
  return list.map((current, i) => (i === index ? entry : current));
}

export function removed<T>(list: T[], index: number): T[] {
  return list.filter((_entry, i) => i !== index);
}
