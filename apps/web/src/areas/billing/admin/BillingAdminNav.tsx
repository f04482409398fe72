import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import '../../auth/components/identity.css';

/** The tenant admin's billing pages, under each page's heading. */
export function BillingAdminNav() {
  const { t } = useTranslation('billing');
  return (
    <nav className="subnav" aria-label={t('admin.nav')}>
      <NavLink to="/admin/billing/orders">{t('admin.orders.title')}</NavLink>
      <NavLink to="/admin/billing/coupons">{t('admin.coupons.title')}</NavLink>
      <NavLink to="/admin/billing/terms">{t('admin.terms.title')}</NavLink>
      <NavLink to="/admin/billing/ledger">{t('admin.ledger.title')}</NavLink>
      <NavLink to="/admin/billing/refunds">{t('admin.refunds.title')}</NavLink>
      <NavLink to="/admin/billing/payouts">{t('admin.payouts.title')}</NavLink>
      <NavLink to="/admin/billing/reports">{t('admin.reports.title')}</NavLink>
    </nav>
  );
}
