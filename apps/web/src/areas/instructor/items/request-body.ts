import type { ItemBody } from './item-model';

const OPTIONAL_LISTS = ['skills', 'hints', 'unitAliases', 'patterns'];
const NULL_MEANS_DEFAULT = ['difficulty', 'irt', 'courseId'];

/**
 * The body sent for an item: the editor's state without empty optional parts (an empty list of hints, a
 * feedback object with nothing in it, a null difficulty), which the API would take as their defaults anyway.
 */
export function requestBody(item: ItemBody): ItemBody {
  const body: Record<string, unknown> = { ...item };
  if (Array.isArray(body.hints)) body.hints = (body.hints as string[]).filter((hint) => hint.trim() !== '');
  for (const key of OPTIONAL_LISTS) if (Array.isArray(body[key]) && (body[key] as unknown[]).length === 0) delete body[key];
  for (const key of NULL_MEANS_DEFAULT) if (body[key] === null) delete body[key];
  if (body.feedback && typeof body.feedback === 'object') {
    const feedback = Object.fromEntries(Object.entries(body.feedback).filter(([, text]) => typeof text === 'string' && text.trim() !== ''));
    if (Object.keys(feedback).length === 0) delete body.feedback;
    else body.feedback = feedback;
  }
  if (typeof body.unit === 'string') body.unit = body.unit.trim();
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body as unknown as ItemBody;
}
