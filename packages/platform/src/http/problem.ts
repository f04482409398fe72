import type { ErrorKind } from '../errors.js';

/** One RFC 9457 problem type: a stable `type` URI (resolved against the API's origin) and its status. */
export interface ProblemType {
  slug: string;
  status: number;
  title: string;
  /** Shown on the type's documentation page at `/problems/<slug>`. */
  description: string;
}

function problem(slug: string, status: number, title: string, description: string): ProblemType {
  return { slug, status, title, description };
}

/** Every problem type the API returns. The slugs are part of the API contract: never rename one. */
export const problemTypes = {
  validation: problem('validation-error', 400, 'Your request is not valid',
    'The body, query or path did not match the schema. `errors` lists each field as a JSON pointer with what was wrong. Nothing was changed.'),
  malformed: problem('malformed-request', 400, 'Your request could not be read',
    'The body is not well-formed for its content type (for example broken JSON). Nothing was changed.'),
  unauthorized: problem('unauthorized', 401, 'Authentication required',
    'Send a valid, unexpired access token as `Authorization: Bearer <token>`.'),
  forbidden: problem('forbidden', 403, 'Not allowed',
    'You are signed in but your roles do not allow this operation.'),
  notFound: problem('not-found', 404, 'Not found',
    'Nothing exists at this address for your tenant.'),
  methodNotAllowed: problem('method-not-allowed', 405, 'Method not allowed',
    'The resource exists but does not accept this HTTP method.'),
  conflict: problem('conflict', 409, 'Conflict',
    'The request conflicts with the current state, for example a request with the same idempotency key is still running.'),
  preconditionFailed: problem('precondition-failed', 412, 'Precondition failed',
    'The `If-Match` version is not the current one: someone else changed the resource. Fetch it again and retry.'),
  payloadTooLarge: problem('payload-too-large', 413, 'Request body too large',
    'The body is larger than the server accepts. Nothing was changed.'),
  unsupportedMediaType: problem('unsupported-media-type', 415, 'Unsupported media type',
    'Send JSON with `Content-Type: application/json`; uploads must be one of the accepted file types, judged by their content.'),
  rangeNotSatisfiable: problem('range-not-satisfiable', 416, 'Range not satisfiable',
    'The `Range` header is malformed or asks for bytes past the end; `Content-Range` gives the size. Nothing was sent.'),
  unprocessable: problem('unprocessable', 422, 'Request cannot be processed',
    'The request is well-formed but cannot be carried out as sent.'),
  idempotencyKeyReused: problem('idempotency-key-reused', 422, 'Idempotency key reused with a different request',
    'This `Idempotency-Key` was already used with a different body or route. Use a new key for a new request.'),
  rateLimited: problem('rate-limited', 429, 'Too many requests',
    'You or your institution sent more requests than allowed in the current window. Retry after `Retry-After` seconds.'),
  internal: problem('internal-error', 500, 'Something went wrong on our side',
    'An unexpected error occurred. It was logged with the `requestId` in this response; quote it when you report it.'),
  unavailable: problem('unavailable', 503, 'Service unavailable',
    'A dependency is unavailable or the server is shutting down. Retry shortly.'),
} as const satisfies Record<string, ProblemType>;

/** The problem type used for each domain error kind. */
export const problemForKind: Record<ErrorKind, ProblemType> = {
  invalid: problemTypes.validation,
  unauthorized: problemTypes.unauthorized,
  forbidden: problemTypes.forbidden,
  not_found: problemTypes.notFound,
  conflict: problemTypes.conflict,
  precondition_failed: problemTypes.preconditionFailed,
  too_large: problemTypes.payloadTooLarge,
  unsupported_media_type: problemTypes.unsupportedMediaType,
  range_not_satisfiable: problemTypes.rangeNotSatisfiable,
  unprocessable: problemTypes.unprocessable,
  rate_limited: problemTypes.rateLimited,
  unavailable: problemTypes.unavailable,
};

/** The `type` member for a problem type. */
export function problemTypeUri(type: ProblemType): string {
  return `/problems/${type.slug}`;
}

/** An RFC 9457 body. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  code?: string;
  errors?: Array<{ pointer: string; detail: string }>;
  [extension: string]: unknown;
}

/** Builds the body for `type` with a request-specific detail and extension members. */
export function problemBody(type: ProblemType, detail: string, extensions: Omit<Partial<ProblemBody>, 'type' | 'title' | 'status' | 'detail'> = {}): ProblemBody {
  return { type: problemTypeUri(type), title: type.title, status: type.status, detail, ...extensions };
}

/** The problem type for a bare HTTP status (errors raised by Fastify itself or its plugins). */
export function problemForStatus(status: number): ProblemType {
  const match = Object.values(problemTypes).find((type) => type.status === status);
  if (match) return match;
  return status >= 500 ? problemTypes.internal : problemTypes.unprocessable;
}
