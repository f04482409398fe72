import { Type } from '@sinclair/typebox';
import { etagOf, principalOf, PUBLIC, type HttpApp } from '@tessera/platform';
import type { IdentityDeps } from '../app/deps.js';
import { appLink } from '../app/send-mail.js';
import { getSsoConnection, putSsoConnection, removeSsoConnection } from '../app/sso-connection.js';
import { exchangeSsoCode, finishSsoLogin, startSsoLogin } from '../app/sso-sign-in.js';
import { IdentityPermissions } from '../contract/permissions.js';
import { SignInResult } from '../contract/schemas.js';
import { PutSsoConnectionBody, SsoCallbackQuery, SsoConnection, SsoExchangeBody, SsoStartQuery } from '../contract/sso.js';
import { clientOf } from './request-info.js';
import { clearedSsoCookie, ssoCookie, ssoCookieOf } from './sso-cookie.js';

const adminTags = ['tenant'];
const authTags = ['auth'];
const configure = { permission: IdentityPermissions.configureTenant };
const Redirect = Type.Null({ description: 'Redirect (Location header)' });

/** OpenID Connect single sign-on: the tenant admin's connection, and the browser flow start → callback → exchange. */
export async function ssoRoutes(app: HttpApp, deps: IdentityDeps): Promise<void> {
  app.get('/tenant/sso', {
    config: configure,
    schema: { tags: adminTags, summary: "Your tenant's OpenID Connect connection (never its client secret)", response: { 200: SsoConnection } },
  }, async (request, reply) => {
    const connection = await getSsoConnection(deps, principalOf(request).tenantId);
    return reply.header('etag', etagOf(connection.version)).send(connection);
  });

  app.put('/tenant/sso', {
    config: configure,
    schema: {
      tags: adminTags,
      summary: 'Create or replace the OpenID Connect connection',
      description: "The issuer's discovery document is fetched first: 422 SSO.DISCOVERY_FAILED says why it could not be used. "
        + 'Register the answer\'s `redirectUri` at the provider.',
      body: PutSsoConnectionBody,
      response: { 200: SsoConnection },
    },
  }, async (request, reply) => {
    const connection = await putSsoConnection(deps, principalOf(request).tenantId, request.body);
    return reply.header('etag', etagOf(connection.version)).send(connection);
  });

  app.delete('/tenant/sso', {
    config: configure,
    schema: { tags: adminTags, summary: 'Remove the connection (users who signed in with it keep their accounts)', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await removeSsoConnection(deps, principalOf(request).tenantId);
    return reply.code(204).send(null);
  });

  app.get('/auth/sso/start', {
    config: { permission: PUBLIC },
    schema: {
      tags: authTags,
      summary: 'Start signing in with the institution\'s identity provider (a browser navigation)',
      description: 'Redirects to the provider. `returnTo` is a path inside the app (starting with one "/"); 404 when the institution has no enabled connection.',
      querystring: SsoStartQuery,
      response: { 302: Redirect },
    },
  }, async (request, reply) => {
    try {
      const started = await startSsoLogin(deps, { slug: request.query.tenant, returnTo: request.query.returnTo }, clientOf(request));
      return reply.header('set-cookie', ssoCookie(deps, started.binding)).header('cache-control', 'no-store').redirect(started.authorizationUrl, 302);
    } catch (error) {
      // The user is in a browser on their way out: an unreachable provider is a page, not a JSON problem.
      if ((error as { code?: unknown }).code !== 'SSO.PROVIDER_UNREACHABLE') throw error;
      request.log.warn({ slug: request.query.tenant, err: error }, 'SSO start failed: provider unreachable');
      return reply.header('cache-control', 'no-store').redirect(appLink(deps, '/sign-in', { error: 'sso_failed' }), 302);
    }
  });

  app.get('/auth/sso/callback', {
    config: { permission: PUBLIC },
    schema: {
      tags: authTags,
      summary: 'Where the identity provider sends the browser back (register this URI at the provider)',
      description: 'Redirects to the app with a one-time `code` for POST /auth/sso/exchange, or to the sign-in page with `error=sso_failed`.',
      querystring: SsoCallbackQuery,
      response: { 302: Redirect },
    },
  }, async (request, reply) => {
    const callbackUrl = new URL(request.url, 'http://callback.invalid');
    const location = await finishSsoLogin(deps, callbackUrl, ssoCookieOf(request), clientOf(request));
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(location, 302);
  });

  app.post('/auth/sso/exchange', {
    config: { permission: PUBLIC },
    schema: {
      tags: authTags,
      summary: 'Collect the outcome of an SSO sign-in with the code the app was redirected with (once, within 60 s)',
      description: 'Tokens, or an MFA challenge as for password sign-in. Only from the browser that started the login; 401 AUTH.INVALID_HANDOFF otherwise.',
      body: SsoExchangeBody,
      response: { 200: SignInResult },
    },
  }, async (request, reply) => {
    const binding = ssoCookieOf(request);
    reply.header('set-cookie', clearedSsoCookie(deps)).header('cache-control', 'no-store');
    return exchangeSsoCode(deps, request.body.code, binding);
  });
}
