import { useTranslation } from 'react-i18next';
import type { Order } from '../billing-api';
import { formatMoney } from '../money';

/** What the order costs, line by line: subtotal, discount, tax, total (and what was refunded, once refunded). */
export function OrderSummary({ order, caption }: { order: Order; caption: string }) {
  const { t, i18n } = useTranslation('billing');
  const money = (minor: number) => formatMoney(minor, order.currency, i18n.language);
  const rows: [string, string, string][] = [
    ['product', t('summary.product'), order.productTitle ?? t('summary.untitled')],
    ['subtotal', t('summary.subtotal'), money(order.subtotalMinor)],
  ];
  if (order.discountMinor > 0 || order.couponCode) {
    const label = order.couponCode ? t('summary.discountCode', { code: order.couponCode }) : t('summary.discount');
    rows.push(['discount', label, `−${money(order.discountMinor)}`]);
  }
  rows.push(['tax', t('summary.tax'), money(order.taxMinor)], ['total', t('summary.total'), money(order.totalMinor)]);
  if (order.refundedMinor > 0) rows.push(['refunded', t('summary.refunded'), `−${money(order.refundedMinor)}`]);
  return (
    <table className="order-summary">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {rows.map(([key, label, value]) => (
          <tr key={key} data-testid={`summary-${key}`} className={key === 'total' ? 'order-total' : undefined}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
