import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account, type InteractionResults } from 'oidc-provider';
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';

/** A person who can sign in at the test provider. */
export interface TestOidcAccount {
  email: string;
  name: string;
  emailVerified?: boolean;
}

/** How to set up {@link startTestOidcProvider}. */
export interface TestOidcProviderOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  accounts: Record<string, TestOidcAccount>;
  /**
   * Put email and name in the ID token itself. By default, like oidc-provider and Okta, the ID token of the
   * code flow carries only `sub` and the profile comes from the userinfo endpoint.
   */
  profileInIdToken?: boolean;
}

/** A running test provider. */
export interface TestOidcProvider {
  /** http://127.0.0.1:<port>, the provider's issuer identifier. */
  issuer: string;
  close(): Promise<void>;
  /** Makes the following logins complete, without a page, as this account (and grant every scope asked). */
  loginAs(accountId: string): void;
  /** Makes the following logins end with `error=access_denied`, as if the user cancelled, until `loginAs`. */
  refuseLogins(): void;
}

const SCOPES = 'openid email profile';

/** Starts a real OpenID provider (oidc-provider) on a random loopback port, with logins decided by the test. */
export async function startTestOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = createProvider(issuer, options);
  let chosenAccount: string | undefined;

  const handleProvider = provider.callback();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!request.url?.startsWith('/interaction/')) return handleProvider(request, response);
    completeInteraction(provider, request, response, chosenAccount).catch((error: unknown) => {
      console.error('test OpenID provider: interaction failed', error);
      response.statusCode = 500;
      response.end();
    });
  });

  return {
    issuer,
    close: () => closeServer(server),
    loginAs(accountId) {
      if (!(accountId in options.accounts)) throw new Error(`no test account ${accountId}`);
      chosenAccount = accountId;
    },
    refuseLogins() {
      chosenAccount = undefined;
    },
  };
}

function createProvider(issuer: string, options: TestOidcProviderOptions): Provider {
  const provider = new Provider(issuer, {
    adapter: createMemoryAdapter(),
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        // A 'web' client may register http redirect URIs as long as it does not use the implicit flow.
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    responseTypes: ['code'],
    scopes: SCOPES.split(' '),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: !options.profileInIdToken,
    // oidc-provider requires PKCE only of public clients by default; ours is confidential.
    pkce: { required: () => true },
    // Explicit lifetimes (seconds) keep oidc-provider from noting that its defaults are in use.
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Grant: 3600, Session: 3600 },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [signingKey()] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => account(sub, options.accounts[sub]),
    renderError: (ctx, out) => {
      ctx.type = 'json';
      ctx.body = out;
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('test OpenID provider: server error', error));
  return provider;
}

/** Answers the provider's login or consent prompt the way the test chose, then sends the browser back to it. */
async function completeInteraction(
  provider: Provider,
  request: IncomingMessage,
  response: ServerResponse,
  chosenAccount: string | undefined,
): Promise<void> {
  const interaction = await provider.interactionDetails(request, response);
  let result: InteractionResults;
  if (chosenAccount === undefined) {
    result = { error: 'access_denied', error_description: 'the test refused the login' };
  } else if (interaction.prompt.name === 'login') {
    result = { login: { accountId: chosenAccount } };
  } else if (interaction.prompt.name === 'consent') {
    const grant = new provider.Grant({
      accountId: interaction.session?.accountId ?? chosenAccount,
      clientId: String(interaction.params.client_id),
    });
    grant.addOIDCScope(SCOPES);
    result = { consent: { grantId: await grant.save() } };
  } else {
    result = { error: 'access_denied', error_description: `unsupported prompt ${interaction.prompt.name}` };
  }
  await provider.interactionFinished(request, response, result);
}

function account(accountId: string, person: TestOidcAccount | undefined): Account | undefined {
  if (!person) return undefined;
  return {
    accountId,
    claims: () => ({
      sub: accountId,
      email: person.email,
      email_verified: person.emailVerified ?? true,
      name: person.name,
    }),
  };
}

/** A fresh RS256 key, so oidc-provider does not fall back to (and warn about) its development keys. */
function signingKey(): object {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  // Clients keep connections alive; without this close() waits for them to time out.
  server.closeAllConnections();
  await closed;
}
