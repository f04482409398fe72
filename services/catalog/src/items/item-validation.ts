import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AppError } from '@tessera/platform';
import { ItemContent } from './item-types.js';
import { unsafePatternReason } from './safe-pattern.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// TypeBox's checker knows no formats by itself; HTTP bodies are checked by Ajv, imported documents here.
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => UUID.test(value));

/** Why an imported candidate is not a valid item (schema errors as "path: message"), empty when it is one. */
export function candidateErrors(candidate: unknown): string[] {
  if (Value.Check(ItemContent, candidate)) return patternErrors(candidate);
  const type = (candidate as { type?: unknown } | null)?.type;
  // A union reports every branch's complaints; the branch of the declared type is the one that matters.
  const branch = ItemContent.anyOf.find((schema) => schema.properties.type.const === type);
  const errors = [...Value.Errors(branch ?? ItemContent, candidate)].slice(0, 20);
  return errors.map((error) => `${error.path || '/'}: ${error.message}`);
}

/** Patterns that could backtrack catastrophically, as messages with their pointer. */
export function patternErrors(item: ItemContent): string[] {
  if (item.type !== 'short_text') return [];
  return (item.patterns ?? []).flatMap((pattern, i) => {
    const reason = unsafePatternReason(pattern);
    return reason ? [`/patterns/${i}: the pattern ${reason}`] : [];
  });
}

/** Refuses an authored item with an unsafe pattern (400, like any other invalid field). */
export function assertSafePatterns(item: ItemContent): void {
  const errors = patternErrors(item);
  if (errors.length > 0) {
    throw new AppError('invalid', 'ITEMS.UNSAFE_PATTERN', 'An accepted-answer pattern could backtrack catastrophically or is not valid', {
      errors: errors.map((message) => ({ pointer: `/body${message.slice(0, message.indexOf(':'))}`, detail: message.slice(message.indexOf(':') + 2) })),
    });
  }
}
