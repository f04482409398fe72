import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import '../../auth/components/identity.css';

/** The tenant admin's notification pages, under each page's heading. */
export function AdminNav() {
  const { t } = useTranslation('notifications');
  return (
    <nav className="subnav" aria-label={t('admin.nav')}>
      <NavLink to="/admin/notifications/deliveries">{t('admin.deliveries.title')}</NavLink>
      <NavLink to="/admin/notifications/settings">{t('admin.settings.title')}</NavLink>
      <NavLink to="/admin/notifications/announcements">{t('announcements.adminTitle')}</NavLink>
    </nav>
  );
}
