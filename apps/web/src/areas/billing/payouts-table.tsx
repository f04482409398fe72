import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, DataTable } from '../../ui';
import type { Payout } from './billing-api';
import { formatMoney } from './money';
import { payoutPath } from './payout-path';
import { PAYOUT_TONE } from './refund-payout-status';
import { dateTime } from './status';

/** Payouts as a table: when, how much, their state; `withPayee` for the admin, who sees everyone's. */
export function PayoutTable({ payouts, caption, withPayee = false }: { payouts: Payout[]; caption: string; withPayee?: boolean }) {
  const { t, i18n } = useTranslation('billing');
  const columns = [t('payouts.date'), ...(withPayee ? [t('payouts.payee')] : []), t('payouts.amount'), t('payouts.status'), t('orders.actions')];
  return (
    <DataTable caption={caption} columns={columns}>
      {payouts.map((payout) => (
        <tr key={payout.id} data-testid="payout">
          <td>{dateTime(payout.createdAt, i18n.language)}</td>
          {withPayee ? <td><code>{payout.payeeId}</code></td> : null}
          <td className="money">{formatMoney(payout.amountMinor, payout.currency, i18n.language)}</td>
          <td>
            <Badge tone={PAYOUT_TONE[payout.status]}>{t(`payoutStatus.${payout.status}`)}</Badge>
            {payout.failure ? <span className="muted"> {payout.failure}</span> : null}
          </td>
          <td>{withPayee ? null : <Link to={payoutPath(payout.id)}>{t('payouts.statement')}</Link>}</td>
        </tr>
      ))}
    </DataTable>
  );
}
