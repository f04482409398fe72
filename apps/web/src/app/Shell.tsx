import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { NOTIFICATION_ROLES } from '../areas/notifications/api';
import { NotificationBell } from '../areas/notifications/bell/NotificationBell';
import { NotificationsProvider } from '../areas/notifications/feed/NotificationsProvider';
import { endSession, hasRole } from '../auth/session';
import { useSession } from '../auth/use-session';
import { LOCALES, rememberLocale } from '../i18n';
import { Loading, Toasts } from '../ui';
import { useBranding } from './branding';
import { navigation } from './nav';

/**
 * The signed-in frame: institution branding, the role's navigation, the notification bell, language and
 * account menu. The tab's one notification stream lives here and closes with the session (sign-out).
 */
export function Shell() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const { t, i18n } = useTranslation();
  const branding = useBranding(session?.tenant);
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const entries = navigation.filter((entry) => entry.roles.some((role) => session.roles.includes(role)));
  const notified = hasRole(session, ...NOTIFICATION_ROLES);

  const signOut = async () => {
    await api.POST('/api/v1/auth/sign-out', { body: {} }).catch(() => undefined);
    endSession();
    navigate('/sign-in');
  };

  return (
    // Keyed by user: someone else signing in on this tab gets a stream of their own.
    <NotificationsProvider key={session.userId} active={notified}>
      <div className="shell">
        <a className="skip-link" href="#main">{t('shell.skip')}</a>
        <header className="topbar">
          <Link to="/" className="brand">
            {branding?.logoUrl ? <img src={branding.logoUrl} alt="" /> : null}
            <span>{branding?.name ?? 'Tessera'}</span>
          </Link>
          <nav className="nav" aria-label={t('shell.mainNav')}>
            {entries.map((entry) => <NavLink key={entry.to} to={entry.to} end={entry.end ?? false}>{t(entry.label)}</NavLink>)}
          </nav>
          <div className="topbar-end">
            {notified ? <NotificationBell /> : null}
            <label className="sr-only" htmlFor="locale">{t('shell.language')}</label>
            <select id="locale" value={i18n.language} onChange={(event) => rememberLocale(event.target.value)}>
              {LOCALES.map((locale) => <option key={locale.code} value={locale.code}>{locale.name}</option>)}
            </select>
            <NavLink to="/account">{t('nav.account')}</NavLink>
            <button type="button" className="link" onClick={signOut}>{t('action.signOut')}</button>
          </div>
        </header>
        <main id="main" className="page" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
        <Toasts />
      </div>
    </NotificationsProvider>
  );
}

/** Frame of the pages before signing in (sign-in, sign-up, password reset). */
export function PublicFrame() {
  return (
    <main id="main" className="page">
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
      <Toasts />
    </main>
  );
}
