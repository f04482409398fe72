import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useResource } from '../../../api/use-resource';
import { Badge, DataTable, EmptyState, PageHeader, ResourceView } from '../../../ui';
import { fetchPayoutStatement, type PayoutStatement } from '../billing-api';
import '../billing.css';
import { formatMoney } from '../money';
import { PAYOUT_TONE } from '../refund-payout-status';
import { dateTime } from '../status';

/** `/teach/payouts/:payoutId`: one payout and the sales and refunds it pays for. */
export default function PayoutPage() {
  const { t } = useTranslation('billing');
  const { payoutId = '' } = useParams();
  const statement = useResource(() => fetchPayoutStatement(payoutId), [payoutId]);
  return (
    <>
      <PageHeader title={t('payouts.statementTitle')} actions={<Link to="/teach/earnings">{t('payouts.backToEarnings')}</Link>} />
      <ResourceView resource={statement}>{(loaded) => <Statement statement={loaded} />}</ResourceView>
    </>
  );
}

function Statement({ statement: { payout, orders } }: { statement: PayoutStatement }) {
  const { t, i18n } = useTranslation('billing');
  const money = (minor: number) => formatMoney(minor, payout.currency, i18n.language);
  return (
    <section className="card receipt stack" aria-labelledby="payout-heading" data-testid="payout-statement">
      <h2 id="payout-heading" style={{ marginTop: 0 }}>{money(payout.amountMinor)}</h2>
      <dl>
        <dt>{t('payouts.status')}</dt>
        <dd><Badge tone={PAYOUT_TONE[payout.status]}>{t(`payoutStatus.${payout.status}`)}</Badge></dd>
        <dt>{t('payouts.date')}</dt>
        <dd>{dateTime(payout.createdAt, i18n.language)}</dd>
        <dt>{t('payouts.periodEnd')}</dt>
        <dd>{dateTime(payout.periodEnd, i18n.language)}</dd>
        {payout.providerRef ? <><dt>{t('payouts.reference')}</dt><dd><code>{payout.providerRef}</code></dd></> : null}
        {payout.failure ? <><dt>{t('payouts.failure')}</dt><dd>{payout.failure}</dd></> : null}
      </dl>
      {orders.length === 0 ? <EmptyState>{t('payouts.noOrders')}</EmptyState> : (
        <DataTable caption={t('payouts.ordersCaption')} columns={[t('payouts.date'), t('payouts.kind'), t('payouts.order'), t('payouts.share')]}>
          {orders.map((line, index) => (
            <tr key={`${line.orderId ?? 'none'}-${line.at}-${index}`} data-testid="payout-order">
              <td>{dateTime(line.at, i18n.language)}</td>
              <td>{t(`payouts.kinds.${line.kind}`, { defaultValue: line.kind })}</td>
              {/* The order is the buyer's: the payee reads its number, not its receipt. */}
              <td>{line.orderId ? <code>{line.orderId}</code> : '—'}</td>
              <td className="money">{money(line.amountMinor)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
