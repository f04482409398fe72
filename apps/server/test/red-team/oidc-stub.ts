import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An OpenID provider that only answers discovery: enough for a tenant to save an SSO connection. */
export interface OidcStub {
  /** http://127.0.0.1:<port> */
  issuer: string;
  close(): Promise<void>;
}

/** Starts the stub on a random loopback port (nobody signs in through it; the suite only needs the connection row). */
export async function startOidcStub(): Promise<OidcStub> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const discovery = JSON.stringify({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/userinfo`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
  });
  server.on('request', (request, response) => {
    const found = request.url === '/.well-known/openid-configuration';
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    response.end(found ? discovery : '{}');
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // The provider client keeps connections alive; close would otherwise wait for them to idle out.
      server.closeAllConnections();
    }),
  };
}
