import { useNavigate, useSearchParams } from 'react-router';
import { homeFor } from '../../app/nav';
import { startSession, type Tokens } from '../../auth/session';
import { rememberTenant } from './tenant-memory';

/** A path inside the app from a `next`/`returnTo` parameter; anything else (another host) is ignored. */
export function safeNext(next: string | null | undefined): string | undefined {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : undefined;
}

/** Starts the session of a finished sign-in and goes where the user was headed, or to their home. */
export function useFinishSignIn(nextParam = 'next') {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (tenant: string, tokens: Tokens) => {
    rememberTenant(tenant);
    const session = startSession(tenant, tokens);
    const next = safeNext(params.get(nextParam));
    navigate(next && next !== '/' ? next : homeFor(session.roles), { replace: true });
  };
}
