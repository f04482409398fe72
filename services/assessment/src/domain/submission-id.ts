import { createHash } from 'node:crypto';

/**
 * The id of an attempt's submission, derived from the attempt's id: every submit of the attempt (a retry, a
 * second device, the deadline's auto-submit) names the same submission, so the queue drops the duplicates
 * and the results table can hold at most one grade. An RFC 9562 version 8 (custom) UUID.
 */
export function submissionIdOf(attemptId: string): string {
  const hex = createHash('sha256').update(`tessera:submission:${attemptId}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
