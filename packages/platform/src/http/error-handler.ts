import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../errors.js';
import { problemBody, problemForKind, problemForStatus, problemTypes, type ProblemBody, type ProblemType } from './problem.js';

const fastifyCodes: Record<string, ProblemType> = {
  FST_ERR_CTP_BODY_TOO_LARGE: problemTypes.payloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: problemTypes.unsupportedMediaType,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: problemTypes.malformed,
  FST_ERR_CTP_EMPTY_JSON_BODY: problemTypes.malformed,
  FST_ERR_CTP_INVALID_JSON_BODY: problemTypes.malformed,
};

/** Seconds a client is asked to wait when a backing service cannot be reached: restarts and failovers take seconds. */
const UNREACHABLE_RETRY_AFTER_SECONDS = 2;

// Socket errors of a connection to a backing service (database, cache, bus) that could not be made or was lost.
const UNREACHABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// PostgreSQL SQLSTATEs of a server that takes no work right now: shutting down (57P01, 57P02), starting up
// (57P03), out of connections (53300); and class 08, connection exceptions (08P01, a protocol violation, is a bug).
const UNAVAILABLE_SQLSTATE = /^(57P0[123]|53300|080\d\d)$/;
// What node-postgres says, without a code, when it loses its connection or the pool cannot hand one out.
const LOST_CONNECTION = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/**
 * True when `error` (or what caused it) says a backing service could not be reached: a transient outage that
 * deserves 503 with Retry-After rather than a 500 that reads as a bug.
 */
function isUnreachableDependency(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (LOST_CONNECTION.test(error.message)) return true;
  const inner = error instanceof AggregateError ? [error.cause, ...error.errors] : [error.cause];
  return inner.some((cause) => isUnreachableDependency(cause, depth + 1));
}

/** Sends `body` as `application/problem+json`. */
export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  // A 401 must name the scheme to authenticate with (RFC 9110 §15.5.2, RFC 6750 §3).
  if (body.status === 401) reply.header('www-authenticate', 'Bearer realm="tessera"');
  // Domain errors that say when to come back (lockouts, outages) carry it as `retryAfter` seconds.
  if (typeof body.retryAfter === 'number' && (body.status === 429 || body.status === 503)) reply.header('retry-after', body.retryAfter);
  return reply.code(body.status).type('application/problem+json').send(body);
}

/**
 * The one place errors become responses: validation and parsing errors are 4xx with what was wrong, domain
 * errors map by kind, anything unexpected is a 500 with a generic message and the request id (logged in full).
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => sendProblem(reply, toProblem(error, request)));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemBody(problemTypes.notFound, `No route ${request.method} ${request.url.split('?')[0]}`, {
      instance: request.url,
      requestId: request.id,
    })),
  );
}

function toProblem(error: FastifyError, request: FastifyRequest): ProblemBody {
  const common = { instance: request.url, requestId: request.id };
  if (error.validation) {
    return problemBody(problemTypes.validation, `The ${error.validationContext ?? 'request'} is not valid`, {
      ...common,
      errors: error.validation.map((issue) => ({
        pointer: `/${error.validationContext ?? 'body'}${pointerOf(issue)}`,
        detail: issue.message ?? 'is not valid',
      })),
    });
  }
  if (isAppError(error)) {
    const type = error.code.startsWith('IDEMPOTENCY.KEY_REUSED') ? problemTypes.idempotencyKeyReused : problemForKind[error.kind];
    if (type.status >= 500) request.log.warn({ err: error }, error.message);
    return problemBody(type, error.message, { ...common, code: error.code, ...error.details });
  }
  const known = error.code ? fastifyCodes[error.code] : undefined;
  if (known) return problemBody(known, error.message, common);
  if (error instanceof SyntaxError || (error.statusCode === 400 && error.message.includes('JSON'))) {
    return problemBody(problemTypes.malformed, 'The body is not valid JSON', common);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return problemBody(problemForStatus(status), error.message, common);
  if (isUnreachableDependency(error)) {
    request.log.warn({ err: error }, 'a backing service is unreachable');
    return problemBody(problemTypes.unavailable, 'A service this request needs cannot be reached right now; retry in a few seconds', {
      ...common, code: 'PLATFORM.DEPENDENCY_UNAVAILABLE', retryAfter: UNREACHABLE_RETRY_AFTER_SECONDS,
    });
  }
  request.log.error({ err: error }, 'unhandled error');
  return problemBody(problemTypes.internal, `An unexpected error occurred (request ${request.id})`, common);
}

function pointerOf(issue: { instancePath?: string; params?: Record<string, unknown>; keyword?: string }): string {
  const base = issue.instancePath ?? '';
  const extra = issue.params?.additionalProperty ?? issue.params?.missingProperty;
  return typeof extra === 'string' ? `${base}/${extra}` : base;
}
