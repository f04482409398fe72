import type { Span } from '@opentelemetry/api';
import type { Principal } from '../auth/tokens.js';

/** Per-route options of the HTTP kit, set in a route's `config`. */
export interface RouteKitConfig {
  /** `false` for routes outside the API that need no credential (health, docs, the web app). */
  auth?: false;
  /**
   * The permission an API route needs: a name some service declared (`identity.users.manage`), `public`
   * (no credential), or `authenticated` (any caller; object-level checks in the handler). Required on /api/ routes.
   */
  permission?: string;
  /** Honour the `Idempotency-Key` header: same key and body replay the stored response. */
  idempotent?: boolean;
  /**
   * The JSON body may be left out: a request without one validates as `{}` (strict body validation would
   * otherwise refuse the missing body as "must be object"). For commands whose fields are all optional.
   */
  optionalBody?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig extends RouteKitConfig {}
  interface FastifyRequest {
    /** Set by the auth hook on authenticated routes. */
    principal: Principal | undefined;
    /** What the principal may do (from its roles, or an API key's scopes). */
    permissions: ReadonlySet<string> | undefined;
    /** The server span of this request. */
    span: Span | undefined;
  }
}
