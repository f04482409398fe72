import * as client from 'openid-client';
import { oidcConfiguration } from './oidc-configuration.js';
import { loginFailed, toSsoError } from './oidc-errors.js';

/** A tenant's registration at an OpenID provider. */
export interface OidcConnection {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Requested scopes; `openid` is always added. */
  scopes: string[];
}

/** A login in progress: the browser goes to `authorizationUrl`; the rest stays server-side until the callback. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  authorizationUrl: string;
}

/** Who the provider says signed in. `subject` is only unique together with `issuer`. */
export interface OidcIdentity {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
  issuer: string;
}

/** Starts an authorization-code + PKCE (S256) login: returns the URL to send the browser to and the secrets to keep server-side. */
export async function beginOidcLogin(connection: OidcConnection, redirectUri: string): Promise<PendingLogin> {
  const configuration = await oidcConfiguration(connection);
  try {
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const authorizationUrl = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: [...new Set(['openid', ...connection.scopes])].join(' '),
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { state, nonce, codeVerifier, authorizationUrl: authorizationUrl.href };
  } catch (error) {
    throw toSsoError(error, 'login');
  }
}

/** Completes it from the callback URL the browser came back to; verifies state, nonce, PKCE, the ID token signature/issuer/audience. */
export async function completeOidcLogin(
  connection: OidcConnection,
  redirectUri: string,
  callbackUrl: URL,
  pending: Omit<PendingLogin, 'authorizationUrl'>,
): Promise<OidcIdentity> {
  const configuration = await oidcConfiguration(connection);
  try {
    const tokens = await client.authorizationCodeGrant(configuration, authorizationResponseUrl(redirectUri, callbackUrl), {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw loginFailed('missing_id_token');
    const userInfo = needsUserInfo(idToken, configuration)
      ? await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
      : undefined;
    return identityFrom(idToken, userInfo);
  } catch (error) {
    throw toSsoError(error, 'login');
  }
}

/**
 * The callback's response parameters on the registered redirect URI. openid-client sends the URL it is
 * given (minus its query) as `redirect_uri` to the token endpoint, and behind a proxy the URL a server
 * reconstructs from its request can differ in scheme or host from the one the provider redirected to.
 */
function authorizationResponseUrl(redirectUri: string, callbackUrl: URL): URL {
  const url = new URL(redirectUri);
  url.search = callbackUrl.search;
  return url;
}

// Many providers (oidc-provider and Okta by default) put only `sub` in an ID token issued alongside an
// access token and serve the profile from the userinfo endpoint.
function needsUserInfo(idToken: client.IDToken, configuration: client.Configuration): boolean {
  const missing = typeof idToken.email !== 'string' || typeof idToken.name !== 'string';
  return missing && configuration.serverMetadata().userinfo_endpoint !== undefined;
}

function identityFrom(idToken: client.IDToken, userInfo: client.UserInfoResponse | undefined): OidcIdentity {
  // email and email_verified are read from the same source so a verified flag never vouches for another address.
  const idTokenEmail = stringClaim(idToken.email);
  const [email, verified] =
    idTokenEmail !== undefined
      ? [idTokenEmail, idToken.email_verified]
      : [stringClaim(userInfo?.email), userInfo?.email_verified];
  return {
    subject: idToken.sub,
    email,
    // Only a JSON true counts: a missing or odd value must not let an unverified address link to an account.
    emailVerified: email !== undefined && verified === true,
    name: stringClaim(idToken.name) ?? stringClaim(userInfo?.name),
    issuer: idToken.iss,
  };
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
