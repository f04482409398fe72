/**
 * The signed-in session, kept in localStorage so a reload (in the middle of an exam, say) keeps the user
 * signed in. Access tokens live at most 15 minutes and are refreshed before they expire; the refresh
 * token rotates on each use, so a copied one stops working after the next refresh.
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionId: string;
}

export interface Session {
  tenant: string;
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
  userId: string;
  tenantId: string;
  roles: string[];
}

const STORAGE_KEY = 'tessera.session';
const listeners = new Set<() => void>();
let current: Session | null = readStored();

export function getSession(): Session | null {
  return current;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession(tenant: string, tokens: Tokens): Session {
  const claims = decodeClaims(tokens.accessToken);
  return saveSession({
    tenant,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    sessionId: tokens.sessionId,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
    userId: claims.sub,
    tenantId: claims.tid,
    roles: claims.roles,
  });
}

export function endSession(): void {
  current = null;
  globalThis.localStorage?.removeItem(STORAGE_KEY);
  notify();
}

export function hasRole(session: Session | null, ...roles: string[]): boolean {
  return Boolean(session && roles.some((role) => session.roles.includes(role)));
}

function saveSession(session: Session): Session {
  current = session;
  globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(session));
  notify();
  return session;
}

function notify(): void {
  for (const listener of listeners) listener();
}

function readStored(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

interface Claims {
  sub: string;
  tid: string;
  roles: string[];
}

/** Reads (does not verify: the server does) the claims the app needs to pick screens. */
export function decodeClaims(jwt: string): Claims {
  const payload = jwt.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const claims = JSON.parse(json) as Partial<Claims>;
  return { sub: claims.sub ?? '', tid: claims.tid ?? '', roles: Array.isArray(claims.roles) ? claims.roles : [] };
}

// Another tab signing in or out changes this one too.
globalThis.addEventListener?.('storage', (event) => {
  if (event.key !== STORAGE_KEY) return;
  current = readStored();
  notify();
});
