import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useRouteError } from 'react-router';
import { asApiError } from '../api/problem';
import { useSession } from '../auth/use-session';
import { Alert, ProblemAlert } from '../ui';
import { homeFor } from './nav';

/** Only users with one of `roles` see the area; others are told so (the API refuses them anyway). */
export function RequireRole({ roles, children }: { roles: string[]; children?: ReactNode }) {
  const session = useSession();
  const { t } = useTranslation();
  if (!session) return null;
  if (!roles.some((role) => session.roles.includes(role))) return <Alert tone="warning">{t('problem.forbidden')}</Alert>;
  return <>{children ?? <Outlet />}</>;
}

export function HomeRedirect() {
  const session = useSession();
  return <Navigate to={session ? homeFor(session.roles) : '/sign-in'} replace />;
}

export function RouteError() {
  const error = useRouteError();
  return <main id="main" className="page"><ProblemAlert error={asApiError(error)} /></main>;
}

export function NotFound() {
  const { t } = useTranslation();
  return <Alert tone="warning">{t('problem.pageNotFound')}</Alert>;
}
