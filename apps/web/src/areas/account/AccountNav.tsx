import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import '../auth/components/identity.css';

/** The account's pages, under each page's heading. */
export function AccountNav() {
  const { t } = useTranslation('account');
  return (
    <nav className="subnav" aria-label={t('nav.label')}>
      <NavLink to="/account" end>{t('nav.profile')}</NavLink>
      <NavLink to="/account/security">{t('nav.security')}</NavLink>
      <NavLink to="/account/sessions">{t('nav.sessions')}</NavLink>
      <NavLink to="/account/notifications">{t('nav.notifications')}</NavLink>
      <NavLink to="/account/data">{t('nav.data')}</NavLink>
    </nav>
  );
}
