import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../errors.js';
import type { RateLimiter, RateLimitResult } from './rate-limiter.js';

export interface RateLimits {
  userPerMinute: number;
  tenantPerMinute: number;
}

const WINDOW_MS = 60_000;

/**
 * Per-user and per-tenant limits on authenticated requests (fixed one-minute windows in the shared cache,
 * so all API processes count together). The tighter of the two is reported in the RateLimit headers.
 */
export function installRateLimits(app: FastifyInstance, limiter: RateLimiter, limits: RateLimits): void {
  app.addHook('preHandler', async (request, reply) => {
    const principal = request.principal;
    if (!principal) return;
    const [user, tenant] = (await limiter.consumeAll([
      { key: `rl:u:${principal.tenantId}:${principal.subject}`, limit: limits.userPerMinute },
      { key: `rl:t:${principal.tenantId}`, limit: limits.tenantPerMinute },
    ], WINDOW_MS)) as [RateLimitResult, RateLimitResult];
    const tightest = user.remaining <= tenant.remaining ? user : tenant;
    setHeaders(reply, tightest);
    if (!user.allowed || !tenant.allowed) {
      const blocked = !user.allowed ? user : tenant;
      reply.header('retry-after', Math.max(1, Math.ceil(blocked.resetMs / 1000)));
      throw new AppError('rate_limited', !user.allowed ? 'RATE_LIMIT.USER' : 'RATE_LIMIT.TENANT',
        !user.allowed ? 'You sent too many requests; slow down' : 'Your institution sent too many requests; slow down');
    }
  });
}

function setHeaders(reply: FastifyReply, result: { limit: number; remaining: number; resetMs: number }): void {
  reply.header('ratelimit-limit', result.limit);
  reply.header('ratelimit-remaining', Math.max(0, result.remaining));
  reply.header('ratelimit-reset', Math.ceil(result.resetMs / 1000));
}
