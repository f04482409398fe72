import { AppError } from '../errors.js';
import { AccessTokens, MAX_ACCESS_TOKEN_SECONDS, type TokenKeys } from './tokens.js';

/** Audience of link tokens: an access token is never a link, and a link is never an access token. */
const LINK_AUDIENCE = 'tessera-link';

export interface ResourceLink {
  token: string;
  expiresAt: Date;
}

/**
 * Short-lived signed links to one resource of one tenant, for clients that cannot send an `Authorization`
 * header (a browser's `<video>`, `<img>` or a download). The link is a JWT signed with the kernel's signing
 * keys (every process verifies it, rotation included) whose audience keeps it apart from access tokens; it
 * names the tenant and the resource (`catalog.media:<id>`) and nothing else, so it grants reading that one
 * resource until it expires (at most as long as an access token lives).
 */
export class ResourceLinks {
  private readonly tokens: AccessTokens;

  constructor(keys: TokenKeys, issuer: string) {
    this.tokens = new AccessTokens(keys, issuer, LINK_AUDIENCE);
  }

  async issue(tenantId: string, resource: string, ttlSeconds = MAX_ACCESS_TOKEN_SECONDS): Promise<ResourceLink> {
    const ttl = Math.min(ttlSeconds, MAX_ACCESS_TOKEN_SECONDS);
    const token = await this.tokens.issue({ subject: resource, tenantId, roles: [], ttlSeconds: ttl });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /** The tenant and resource a valid link names; a 401 problem when it is forged, expired or for another kind. */
  async verify(token: string, kind: string): Promise<{ tenantId: string; id: string }> {
    let principal;
    try {
      principal = await this.tokens.verify(token);
    } catch {
      throw invalidLink();
    }
    const prefix = `${kind}:`;
    if (!principal.subject.startsWith(prefix)) throw invalidLink();
    return { tenantId: principal.tenantId, id: principal.subject.slice(prefix.length) };
  }
}

function invalidLink(): AppError {
  return new AppError('unauthorized', 'AUTH.LINK_INVALID', 'This link has expired or is not valid: ask for a new one');
}
