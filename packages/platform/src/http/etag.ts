import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** The strong ETag of an aggregate at `version`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version a write expects, from `If-Match`. Writes to versioned aggregates require it, so a client
 * that did not read the current version cannot overwrite someone else's change.
 */
export function versionFromIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  const match = typeof header === 'string' ? /^(?:W\/)?"(\d+)"$/.exec(header.trim()) : null;
  if (!match?.[1]) {
    throw new AppError('precondition_failed', 'CONCURRENCY.IF_MATCH_REQUIRED', 'Send If-Match with the ETag you last read', {
      errors: [{ pointer: '/headers/if-match', detail: 'must be the ETag of the current version, e.g. "3"' }],
    });
  }
  return Number(match[1]);
}
