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
  request.log.error({ err: error }, 'unhandled error');
  return problemBody(problemTypes.internal, `An unexpected error occurred (request ${request.id})`, common);
}

function pointerOf(issue: { instancePath?: string; params?: Record<string, unknown>; keyword?: string }): string {
  const base = issue.instancePath ?? '';
  const extra = issue.params?.additionalProperty ?? issue.params?.missingProperty;
  return typeof extra === 'string' ? `${base}/${extra}` : base;
}
