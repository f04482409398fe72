import { useTranslation } from 'react-i18next';
import { useResource } from '../../../api/use-resource';
import { DataTable, EmptyState, PageHeader, ResourceView } from '../../../ui';
import { fetchEarnings } from '../billing-api';
import '../billing.css';
import { formatMoney } from '../money';
import { PayoutList } from './PayoutList';

/** `/teach/earnings`: what the tenant owes the instructor for their sales, per currency, not yet paid out, and what it paid. */
export default function EarningsPage() {
  const { t, i18n } = useTranslation('billing');
  const earnings = useResource(fetchEarnings, []);
  return (
    <>
      <PageHeader title={t('earnings.title')} description={t('earnings.description')} />
      <ResourceView resource={earnings}>
        {(loaded) => loaded.balances.length === 0 ? <EmptyState>{t('earnings.none')}</EmptyState> : (
          <DataTable caption={t('earnings.caption')} columns={[t('earnings.currency'), t('earnings.balance')]}>
            {loaded.balances.map((balance) => (
              <tr key={balance.currency} data-testid="earning">
                <td>{balance.currency}</td>
                <td className="money">{formatMoney(balance.balanceMinor, balance.currency, i18n.language)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </ResourceView>
      <PayoutList />
    </>
  );
}
