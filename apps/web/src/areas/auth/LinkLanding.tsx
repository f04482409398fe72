import { Navigate, useLocation } from 'react-router';
import { HomeRedirect } from '../../app/guards';

/**
 * The app's root. Identity's emails and its SSO callback link to `/#/<path>?<query>` (see identity's
 * `appLink`): such a hash is turned into the route it names (`/verify-email?token=…`); a plain visit
 * goes home, or to sign-in, as before.
 */
export function LinkLanding() {
  const location = useLocation();
  const target = location.hash.startsWith('#/') ? location.hash.slice(1) : '';
  if (target && !target.startsWith('//')) return <Navigate to={target} replace />;
  return <HomeRedirect />;
}
