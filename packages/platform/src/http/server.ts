import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  LogController, type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import type { Logger } from 'pino';
import type { Permissions } from '../auth/permissions.js';
import type { SessionRevocations } from '../auth/session-revocations.js';
import type { AccessTokens } from '../auth/tokens.js';
import type { TenantRegistry } from '../tenancy/tenant-registry.js';
import type { Cache } from '../cache/cache.js';
import type { Database } from '../db/database.js';
import type { Metrics } from '../observability/metrics.js';
import { installAuthentication, type CredentialVerifier } from './auth-hook.js';
import { installErrorHandling } from './error-handler.js';
import { installIdempotency } from './idempotency.js';
import { installRequestObservability } from './observability-hooks.js';
import { installOpenApi } from './openapi.js';
import { installRateLimits, type RateLimits } from './rate-limit-hook.js';
import { RateLimiter } from './rate-limiter.js';
import { createValidatorCompiler } from './validation.js';
import './types.js';

/** The Fastify instance type services register routes on (TypeBox schemas drive validation and types). */
export type HttpApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface HttpKitOptions {
  logger: Logger;
  metrics: Metrics;
  db: Database;
  cache: Cache;
  tokens: AccessTokens;
  tenants: TenantRegistry;
  revocations: SessionRevocations;
  permissions: Permissions;
  credentials: CredentialVerifier[];
  bodyLimit: number;
  rateLimits: RateLimits;
  info: { title: string; version: string };
}

const REQUEST_ID = /^[\w.:-]{8,128}$/;

/**
 * A Fastify app with the whole HTTP kit installed: request ids, tracing and latency metrics, strict schema
 * validation, OpenAPI at /openapi.json and /docs, authentication, rate limits, idempotency keys, and
 * problem+json for every error. Routes are added by the caller before `ready()`.
 */
export async function createHttpApp(options: HttpKitOptions): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimit,
    // Not `requestIdHeader`: Fastify would then take the header verbatim and skip genReqId's check.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // One structured line per request is written by our onResponse hook instead of Fastify's pair.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Over-long path parameters reach the route's schema, which refuses them with a 400 problem; Fastify's
    // default (100 characters) answered 414 with a body of its own.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // The API speaks JSON only: without this, Fastify's default text/plain parser lets such bodies through
  // to schema validation (a misleading 400) instead of the 415 they deserve.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(createValidatorCompiler());
  installErrorHandling(app);
  installRequestObservability(app, options.metrics);
  installAuthentication(app, options);
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.optionalBody) request.body ??= {};
  });
  installRateLimits(app, new RateLimiter(options.cache), options.rateLimits);
  installIdempotency(app, options.db);
  app.addHook('onResponse', async (request, reply) => {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    request.log[level]({ method: request.method, route: request.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  await installOpenApi(app, options.info);
  return app;
}
