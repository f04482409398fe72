import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from '../app/sessions.js';

/** Where a request came from, as kept with a session. */
export function clientOf(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' ? agent : null };
}
