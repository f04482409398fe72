import type { TSchema } from '@sinclair/typebox';
import type { TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';

/** One thing wrong with an item: where (a JSON pointer into the request body) and what. */
export interface ItemProblem {
  pointer: string;
  detail: string;
}

/** Enough to fix an item; a hostile item cannot make the answer grow without bound. */
const MAX_PROBLEMS_PER_ITEM = 20;

/**
 * Why `value` fails `check`, one problem per path (TypeBox reports a missing property twice: missing, then
 * not a string), paths relative to `value`.
 */
export function schemaProblems(check: TypeCheck<TSchema>, value: unknown): ItemProblem[] {
  const byPath = new Map<string, string>();
  for (const error of check.Errors(value)) {
    if (!byPath.has(error.path)) byPath.set(error.path, detailOf(error));
    if (byPath.size >= MAX_PROBLEMS_PER_ITEM) break;
  }
  return [...byPath].map(([pointer, detail]) => ({ pointer, detail }));
}

function detailOf(error: ValueError): string {
  if (error.type === ValueErrorType.ObjectRequiredProperty) return 'is required';
  if (error.type === ValueErrorType.ObjectAdditionalProperties) return 'is not a field of this kind of event';
  const custom: unknown = error.schema['errorDetail'];
  return typeof custom === 'string' ? custom : error.message;
}

/** `problems` moved under `prefix` (the item's pointer in the body). */
export function under(prefix: string, problems: readonly ItemProblem[]): ItemProblem[] {
  return problems.map((problem) => ({ pointer: `${prefix}${problem.pointer}`, detail: problem.detail }));
}
