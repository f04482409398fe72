import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import * as client from 'openid-client';
import { fetchFromProvider, toSsoError } from './oidc-errors.js';

/** What identifies a relying party at one provider. */
export interface OidcClientCredentials {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Providers rotate signing keys and endpoints rarely; a few minutes bounds how long a change goes unseen. */
const DISCOVERY_TTL_MS = 5 * 60_000;
/** Per request to the provider; openid-client's default of 30 s would hold a login request far too long. */
const REQUEST_TIMEOUT_SECONDS = 10;

// Promises, not configurations, so that concurrent logins share one discovery request.
const configurations = new LRUCache<string, Promise<client.Configuration>>({ max: 500, ttl: DISCOVERY_TTL_MS });

/**
 * The openid-client configuration for these credentials, discovered at most once per few minutes.
 * Failures are not cached and surface as AppError 'unavailable' SSO.PROVIDER_UNREACHABLE.
 */
export async function oidcConfiguration(credentials: OidcClientCredentials): Promise<client.Configuration> {
  const key = cacheKey(credentials);
  let configuration = configurations.get(key);
  if (!configuration) {
    const discovering = discover(credentials);
    configuration = discovering;
    configurations.set(key, discovering);
    discovering.catch(() => {
      if (configurations.get(key) === discovering) configurations.delete(key);
    });
  }
  return configuration;
}

async function discover({ issuer, clientId, clientSecret }: OidcClientCredentials): Promise<client.Configuration> {
  try {
    const issuerUrl = new URL(issuer);
    const configuration = await client.discovery(
      issuerUrl,
      clientId,
      clientSecret,
      // Basic is the OpenID default for registered clients; openid-client would otherwise post the secret.
      client.ClientSecretBasic(clientSecret),
      {
        [client.customFetch]: fetchFromProvider,
        timeout: REQUEST_TIMEOUT_SECONDS,
        execute: isLoopbackHttp(issuerUrl) ? [client.allowInsecureRequests] : [],
      },
    );
    // Without this openid-client trusts TLS alone for ID tokens from the token endpoint and skips the signature.
    client.enableNonRepudiationChecks(configuration);
    return configuration;
  } catch (error) {
    throw toSsoError(error, 'discovery');
  }
}

/** Plain http is tolerated only for a provider on this machine (the test provider); anything else needs TLS. */
function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

// The secret is part of the key (hashed, so it is not kept twice in clear): a rotated secret must take
// effect at once, not after the cached configuration holding the old one expires.
function cacheKey({ issuer, clientId, clientSecret }: OidcClientCredentials): string {
  const secret = createHash('sha256').update(clientSecret).digest('base64url');
  return JSON.stringify([issuer, clientId, secret]);
}
