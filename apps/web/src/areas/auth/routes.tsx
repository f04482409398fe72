import type { RouteObject } from 'react-router';
import { screen } from '../../app/lazy';
import { LinkLanding } from './LinkLanding';

/**
 * The screens before signing in. Their paths are the ones identity's emails link to (`/verify-email`,
 * `/reset-password`, `/accept-invitation`, each `?token=…`) and where its SSO callback returns
 * (`/sso-complete?code=…&returnTo=…`). Those links come as `/#/<path>`, so this area also answers the
 * root: the index route (ranked before the shell's, which only redirected) follows such a hash.
 */
export const routes: RouteObject[] = [
  { index: true, element: <LinkLanding /> },
  { path: 'sign-in', lazy: screen(() => import('./SignIn')) },
  { path: 'sign-up', lazy: screen(() => import('./SignUp')) },
  { path: 'verify-email', lazy: screen(() => import('./VerifyEmail')) },
  { path: 'reset-password', lazy: screen(() => import('./ResetPassword')) },
  { path: 'accept-invitation', lazy: screen(() => import('./AcceptInvitation')) },
  { path: 'sso-complete', lazy: screen(() => import('./SsoComplete')) },
];
