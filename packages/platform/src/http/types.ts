import type { Span } from '@opentelemetry/api';
import type { Principal } from '../auth/tokens.js';

/** Per-route options of the HTTP kit, set in a route's `config`. */
export interface RouteKitConfig {
  /** `false` for public routes; otherwise a valid token is required, with one of `roles` when given. */
  auth?: false | { roles?: string[] };
  /** Honour the `Idempotency-Key` header: same key and body replay the stored response. */
  idempotent?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig extends RouteKitConfig {}
  interface FastifyRequest {
    /** Set by the auth hook on authenticated routes. */
    principal: Principal | undefined;
    /** The server span of this request. */
    span: Span | undefined;
  }
}
