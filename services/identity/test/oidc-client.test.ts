import { AppError } from '@tessera/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginOidcLogin, completeOidcLogin, type OidcConnection } from '../src/sso/oidc-client.js';
import { followToRedirectUri } from './support/follow-redirects.js';
import { startTestOidcProvider, type TestOidcProvider, type TestOidcProviderOptions } from './support/oidc-provider.js';

// Never served: the test only captures the provider's redirect to it.
const REDIRECT_URI = 'http://127.0.0.1:9/sso/callback';

const PROVIDER_OPTIONS: TestOidcProviderOptions = {
  clientId: 'tessera-test',
  clientSecret: 'a-client-secret-long-enough-for-anything',
  redirectUris: [REDIRECT_URI],
  accounts: {
    alice: { email: 'alice@example.edu', name: 'Alice Liddell' },
    bob: { email: 'bob@example.edu', name: 'Bob Builder', emailVerified: false },
  },
};

let provider: TestOidcProvider;
let connection: OidcConnection;

beforeAll(async () => {
  provider = await startTestOidcProvider(PROVIDER_OPTIONS);
  connection = {
    issuer: provider.issuer,
    clientId: PROVIDER_OPTIONS.clientId,
    clientSecret: PROVIDER_OPTIONS.clientSecret,
    scopes: ['email', 'profile'],
  };
});

afterAll(async () => {
  await provider?.close();
});

/** Runs a login up to the callback: what the browser would bring back, and what the server kept. */
async function loginUntilCallback(as: OidcConnection = connection) {
  const { authorizationUrl, ...pending } = await beginOidcLogin(as, REDIRECT_URI);
  const callbackUrl = await followToRedirectUri(authorizationUrl, REDIRECT_URI);
  return { callbackUrl, pending };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('OpenID Connect login', () => {
  it('asks for the code flow with PKCE S256, state and nonce', async () => {
    const pending = await beginOidcLogin(connection, REDIRECT_URI);
    const url = new URL(pending.authorizationUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'tessera-test',
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('code_challenge')).not.toBe(pending.codeVerifier);
  });

  it('returns who signed in (profile from the userinfo endpoint)', async () => {
    provider.loginAs('alice');
    const { callbackUrl, pending } = await loginUntilCallback();
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();

    const identity = await completeOidcLogin(connection, REDIRECT_URI, callbackUrl, pending);

    expect(identity).toEqual({
      subject: 'alice',
      email: 'alice@example.edu',
      emailVerified: true,
      name: 'Alice Liddell',
      issuer: provider.issuer,
    });
  });

  it('reports an unverified email as such', async () => {
    provider.loginAs('bob');
    const { callbackUrl, pending } = await loginUntilCallback();

    const identity = await completeOidcLogin(connection, REDIRECT_URI, callbackUrl, pending);

    expect(identity).toMatchObject({ subject: 'bob', email: 'bob@example.edu', emailVerified: false });
  });

  it('reads the profile from the ID token when the provider puts it there', async () => {
    const fullTokens = await startTestOidcProvider({ ...PROVIDER_OPTIONS, profileInIdToken: true });
    try {
      fullTokens.loginAs('alice');
      const direct = { ...connection, issuer: fullTokens.issuer };
      const { callbackUrl, pending } = await loginUntilCallback(direct);

      const identity = await completeOidcLogin(direct, REDIRECT_URI, callbackUrl, pending);

      expect(identity).toEqual({
        subject: 'alice',
        email: 'alice@example.edu',
        emailVerified: true,
        name: 'Alice Liddell',
        issuer: fullTokens.issuer,
      });
    } finally {
      await fullTokens.close();
    }
  });

  it('rejects a callback whose state was tampered with', async () => {
    provider.loginAs('alice');
    const { callbackUrl, pending } = await loginUntilCallback();
    callbackUrl.searchParams.set('state', 'forged');

    const error = await rejection(completeOidcLogin(connection, REDIRECT_URI, callbackUrl, pending));

    expect(error).toMatchObject({ kind: 'unauthorized', code: 'SSO.LOGIN_FAILED' });
  });

  it('rejects a code redeemed with another PKCE verifier', async () => {
    provider.loginAs('alice');
    const { callbackUrl, pending } = await loginUntilCallback();
    const other = await beginOidcLogin(connection, REDIRECT_URI);

    const error = await rejection(
      completeOidcLogin(connection, REDIRECT_URI, callbackUrl, { ...pending, codeVerifier: other.codeVerifier }),
    );

    expect(error).toMatchObject({ kind: 'unauthorized', code: 'SSO.LOGIN_FAILED', details: { reason: 'invalid_grant' } });
  });

  it('rejects a code used a second time', async () => {
    provider.loginAs('alice');
    const { callbackUrl, pending } = await loginUntilCallback();
    await completeOidcLogin(connection, REDIRECT_URI, callbackUrl, pending);

    const error = await rejection(completeOidcLogin(connection, REDIRECT_URI, callbackUrl, pending));

    expect(error).toMatchObject({ kind: 'unauthorized', code: 'SSO.LOGIN_FAILED', details: { reason: 'invalid_grant' } });
  });

  it('rejects a client with the wrong secret', async () => {
    provider.loginAs('alice');
    const impostor = { ...connection, clientSecret: 'not-the-secret' };
    const { callbackUrl, pending } = await loginUntilCallback(impostor);

    const error = await rejection(completeOidcLogin(impostor, REDIRECT_URI, callbackUrl, pending));

    expect(error).toMatchObject({ kind: 'unauthorized', code: 'SSO.LOGIN_FAILED', details: { reason: 'invalid_client' } });
  });

  it('reports a login the user refused at the provider', async () => {
    provider.refuseLogins();
    const { callbackUrl, pending } = await loginUntilCallback();
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');

    const error = await rejection(completeOidcLogin(connection, REDIRECT_URI, callbackUrl, pending));

    expect(error).toMatchObject({ kind: 'unauthorized', code: 'SSO.LOGIN_FAILED', details: { reason: 'access_denied' } });
  });

  it('reports a provider that cannot be reached as unavailable', async () => {
    const nowhere = { ...connection, issuer: 'http://127.0.0.1:1' };

    const beginning = await rejection(beginOidcLogin(nowhere, REDIRECT_URI));
    const completing = await rejection(
      completeOidcLogin(nowhere, REDIRECT_URI, new URL(`${REDIRECT_URI}?code=x&state=y`), {
        state: 'y',
        nonce: 'n',
        codeVerifier: 'v',
      }),
    );

    for (const error of [beginning, completing]) {
      expect(error).toMatchObject({ kind: 'unavailable', code: 'SSO.PROVIDER_UNREACHABLE' });
    }
  });

  it('reports a provider that goes down mid-login as unavailable, having cached its discovery', async () => {
    const flaky = await startTestOidcProvider(PROVIDER_OPTIONS);
    flaky.loginAs('alice');
    const viaFlaky = { ...connection, issuer: flaky.issuer };
    const { callbackUrl, pending } = await loginUntilCallback(viaFlaky);
    await flaky.close();

    // Discovery is cached, so only the token request notices the outage.
    await expect(beginOidcLogin(viaFlaky, REDIRECT_URI)).resolves.toMatchObject({ state: expect.any(String) });
    const error = await rejection(completeOidcLogin(viaFlaky, REDIRECT_URI, callbackUrl, pending));

    expect(error).toMatchObject({ kind: 'unavailable', code: 'SSO.PROVIDER_UNREACHABLE' });
  });
});
