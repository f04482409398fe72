import { Type, type Static } from '@sinclair/typebox';
import { Slug, TenantRole } from './schemas.js';

/** An OpenID scope name as sent in `scope` (RFC 6749 §3.3: printable ASCII without space, quote or backslash). */
const Scope = Type.String({ minLength: 1, maxLength: 64, pattern: '^[\\x21\\x23-\\x5b\\x5d-\\x7e]+$' });

/**
 * A path inside the app to land on after signing in: relative, starting with one '/', never '//' or '/\'
 * (browsers read both as another host), printable ASCII only. Anything else would be an open redirect.
 */
export const ReturnTo = Type.String({ minLength: 1, maxLength: 500, pattern: '^/(?![/\\\\])[\\x21-\\x5b\\x5d-\\x7e]*$' });

/** A tenant's OpenID Connect connection as its admin sees it: everything but the client secret. */
export const SsoConnection = Type.Object({
  issuer: Type.String(),
  clientId: Type.String(),
  clientSecretSet: Type.Literal(true, { description: 'The secret is stored (encrypted) and never shown again' }),
  scopes: Type.Array(Type.String()),
  defaultRoles: Type.Array(TenantRole, { description: 'Roles of users created by their first SSO sign-in' }),
  enabled: Type.Boolean(),
  version: Type.Integer(),
  redirectUri: Type.String({ description: 'Register this redirect URI at the identity provider' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type SsoConnection = Static<typeof SsoConnection>;

/** What a tenant admin sends to create or replace the connection. */
export const PutSsoConnectionBody = Type.Object({
  issuer: Type.String({ minLength: 8, maxLength: 500, description: 'https URL of the provider (http only for a loopback host)' }),
  clientId: Type.String({ minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' }),
  clientSecret: Type.String({ minLength: 1, maxLength: 500, pattern: '^[\\x20-\\x7e]+$' }),
  scopes: Type.Optional(Type.Array(Scope, { maxItems: 20, uniqueItems: true, description: 'Default: openid email profile' })),
  defaultRoles: Type.Optional(Type.Array(TenantRole, { minItems: 1, uniqueItems: true, description: "Default: ['student']" })),
  enabled: Type.Optional(Type.Boolean({ default: true })),
});
export type PutSsoConnectionBody = Static<typeof PutSsoConnectionBody>;

export const SsoStartQuery = Type.Object({
  tenant: Slug,
  returnTo: Type.Optional(ReturnTo),
});

/**
 * What an identity provider sends back. Open, because providers add parameters of their own (`iss`,
 * `session_state`, `scope`…); anything wrong in it sends the browser to the error page, never a 4xx/5xx.
 */
export const SsoCallbackQuery = Type.Object({
  state: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  error: Type.Optional(Type.String()),
}, { additionalProperties: true });

export const SsoExchangeBody = Type.Object({
  code: Type.String({ minLength: 20, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }),
});
