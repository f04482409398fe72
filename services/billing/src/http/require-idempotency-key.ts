import type { FastifyRequest } from 'fastify';
import { billingErrors } from '../app/errors.js';

/** Money-moving routes refuse to run without an Idempotency-Key: a client retry must never charge twice. */
export async function requireIdempotencyKey(request: FastifyRequest): Promise<void> {
  if (request.headers['idempotency-key'] === undefined) throw billingErrors.idempotencyKeyRequired();
}
