import { AppError, isAppError } from '@tessera/platform';
import * as client from 'openid-client';

/**
 * Raised by {@link fetchFromProvider} when the provider cannot be reached, times out or answers 5xx, so
 * an outage (worth retrying) can be told apart from a refused or forged login.
 */
export class ProviderUnreachable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderUnreachable';
  }
}

/** The fetch openid-client uses for every request to a provider: outages become {@link ProviderUnreachable}. */
export const fetchFromProvider: client.CustomFetch = async (url, options) => {
  const origin = new URL(url).origin;
  let response: Response;
  try {
    response = await fetch(url, options);
  } catch (cause) {
    // Refused connections, DNS failures and the request timeout all land here.
    throw new ProviderUnreachable(`could not reach ${origin}`, { cause });
  }
  if (response.status >= 500) {
    await response.body?.cancel();
    throw new ProviderUnreachable(`${origin} answered ${response.status}`);
  }
  return response;
};

/** Where a failure happened: loading the provider's metadata, or the login itself. */
export type SsoStep = 'discovery' | 'login';

/**
 * Turns whatever openid-client threw into the AppError our callers report. The original error is kept as
 * `cause` for the logs only: messages and details reach the browser, so they carry codes, not internals.
 */
export function toSsoError(error: unknown, step: SsoStep): AppError {
  if (isAppError(error)) return error;
  const appError =
    step === 'discovery' || causedByOutage(error)
      ? providerUnreachable(error, step)
      : loginFailed(loginFailureReason(error));
  appError.cause = error;
  return appError;
}

/** The AppError for a login the provider refused or that failed verification. */
export function loginFailed(reason: string): AppError {
  // The reason can come from the callback URL, which anyone can craft: never reflect more than a code.
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(reason)) reason = 'invalid_response';
  return new AppError('unauthorized', 'SSO.LOGIN_FAILED', `Single sign-on failed (${reason}).`, { reason });
}

function providerUnreachable(error: unknown, step: SsoStep): AppError {
  // A discovery document that is missing or malformed makes the provider as unusable as one that is down.
  const message =
    step === 'discovery' && !causedByOutage(error)
      ? 'The identity provider is misconfigured or not an OpenID provider; try again later.'
      : 'The identity provider cannot be reached; try again later.';
  return new AppError('unavailable', 'SSO.PROVIDER_UNREACHABLE', message);
}

/** A short machine-readable reason: the provider's OAuth error code when it sent one, else openid-client's. */
function loginFailureReason(error: unknown): string {
  if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError) {
    return error.error;
  }
  // A 401 with WWW-Authenticate: a rejected client secret at the token endpoint, or a rejected access token.
  if (error instanceof client.WWWAuthenticateChallengeError) {
    return error.cause[0]?.parameters.error ?? 'invalid_client';
  }
  if (error instanceof client.ClientError && error.code) return error.code;
  return 'invalid_response';
}

// openid-client wraps what our fetch throws (in a ClientError 'something went wrong'), so look down the chain.
function causedByOutage(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth++) {
    if (current instanceof ProviderUnreachable) return true;
    current = current.cause;
  }
  return false;
}
