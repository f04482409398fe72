import { useTranslation } from 'react-i18next';
import { useResource } from '../../../api/use-resource';
import { Alert, DataTable, EmptyState, PageHeader, ResourceView } from '../../../ui';
import { fetchLedgerBalances, type LedgerBalances } from '../billing-api';
import '../billing.css';
import { formatMoney } from '../money';
import { BillingAdminNav } from './BillingAdminNav';

/** `/admin/billing/ledger`: each ledger account's balance, and per currency whether the books balance. */
export default function LedgerPage() {
  const { t } = useTranslation('billing');
  const balances = useResource(fetchLedgerBalances, []);
  return (
    <>
      <PageHeader title={t('admin.ledger.title')} description={t('admin.ledger.description')} />
      <BillingAdminNav />
      <ResourceView resource={balances}>{(loaded) => <Balances balances={loaded} />}</ResourceView>
    </>
  );
}

function Balances({ balances }: { balances: LedgerBalances }) {
  const { t, i18n } = useTranslation('billing');
  if (balances.accounts.length === 0) return <EmptyState>{t('admin.ledger.none')}</EmptyState>;
  const unbalanced = balances.totals.filter((total) => total.sumMinor !== 0);
  return (
    <div className="stack">
      {unbalanced.length === 0
        ? <Alert tone="success">{t('admin.ledger.balanced')}</Alert>
        : <Alert tone="error">{t('admin.ledger.unbalanced', { currencies: unbalanced.map((total) => total.currency).join(', ') })}</Alert>}
      <DataTable caption={t('admin.ledger.caption')} columns={[t('admin.ledger.account'), t('admin.ledger.currency'), t('admin.ledger.balance')]}>
        {balances.accounts.map((account) => (
          <tr key={`${account.account}:${account.currency}`} data-testid="ledger-account">
            <td><code>{account.account}</code></td>
            <td>{account.currency}</td>
            <td className="money">{formatMoney(account.balanceMinor, account.currency, i18n.language)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
