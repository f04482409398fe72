import { api, unwrap } from '../../../api/client';
import type { ItemResponse, PracticeResult } from '../api-types';
import type { DeliveredItem } from '../exam/items';

/** Item types the API grades at once; essays and code wait for a person or a runner, so they are not checked here. */
const CHECKED_TYPES: readonly string[] = ['single_choice', 'multiple_choice', 'true_false', 'numeric', 'short_text', 'ordering', 'matching', 'cloze'];

export function isCheckable(item: DeliveredItem): boolean {
  return CHECKED_TYPES.includes(item.type);
}

export interface PracticeAnswer {
  itemId: string;
  courseId: string;
  response: ItemResponse | null;
}

/** The idempotency key of the last answer sent, kept by the question that sends it. */
export interface SentAnswer {
  current: { body: string; key: string } | null;
}

/**
 * Grades an answer (`POST /adaptive/practice/answers`). Sending the same answer again after a failure (the
 * network dropped the reply) reuses its Idempotency-Key, so the server counts it once and answers as before.
 */
export async function checkAnswer(answer: PracticeAnswer, sent: SentAnswer): Promise<PracticeResult> {
  const body = JSON.stringify(answer);
  if (sent.current?.body !== body) sent.current = { body, key: randomKey() };
  const result = await unwrap(api.POST('/api/v1/adaptive/practice/answers', { body: answer, headers: { 'idempotency-key': sent.current.key } }));
  sent.current = null;
  return result;
}

/** The feedback messages (sanitised HTML) of a graded answer; the API types `feedback` loosely. */
export function feedbackMessages(feedback: unknown): string[] {
  const messages = (feedback as { messages?: unknown } | null)?.messages;
  return Array.isArray(messages) ? messages.filter((message): message is string => typeof message === 'string' && message.trim() !== '') : [];
}

/** `crypto.randomUUID` exists only on secure origins; random bytes are available everywhere. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
