import type { FastifyReply } from 'fastify';

/**
 * Sends JSON text that was serialised earlier (a cached read model) as it is. Fastify sends a string with a
 * JSON content type without serialising it again, which skips the route's response serialiser: the caller
 * vouches that the text matches the route's response schema (it was built from a value of that type).
 */
export function sendJsonText(reply: FastifyReply, json: string): FastifyReply {
  // The route's typed reply expects the schema's type; the text is that value, serialised.
  return reply.type('application/json; charset=utf-8').send(json as never);
}
