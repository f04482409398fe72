import { useTranslation } from 'react-i18next';
import { BarChart, Card, DataTable } from '../../../ui';
import type { ReportRow } from '../billing-api';
import { formatMoney } from '../money';

/** The report's figures, in the order money flows: what came in, what went back, what was taken, what is left. */
export const REPORT_FIGURES = ['grossSalesMinor', 'refundsMinor', 'discountsMinor', 'taxMinor', 'commissionMinor', 'feesMinor', 'payoutsMinor', 'tenantRevenueMinor'] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

/** One currency of the report: its figures as a table and a bar chart, and what each payee earned. */
export function ReportCurrency({ row }: { row: ReportRow }) {
  const { t, i18n } = useTranslation('billing');
  const money = (minor: number) => formatMoney(minor, row.currency, i18n.language);
  const label = (figure: ReportFigure) => t(`admin.reports.figure.${figure}`);
  return (
    <Card title={t('admin.reports.currency', { currency: row.currency })}>
      <div className="stack" data-testid={`report-${row.currency}`}>
        <DataTable caption={t('admin.reports.caption', { currency: row.currency })} columns={[t('admin.reports.figureName'), t('admin.reports.amount')]}>
          {REPORT_FIGURES.map((figure) => (
            <tr key={figure} data-testid={`figure-${figure}`}>
              <td>{label(figure)}</td>
              <td className="money">{money(row[figure])}</td>
            </tr>
          ))}
        </DataTable>
        {/* Integers of one currency only: the chart's scale never mixes currencies. */}
        <BarChart title={t('admin.reports.chart', { currency: row.currency })} format={money}
          bars={REPORT_FIGURES.map((figure) => ({ label: label(figure), value: row[figure] }))} />
        {row.netPayable.length === 0 ? null : (
          <DataTable caption={t('admin.reports.payees', { currency: row.currency })} columns={[t('admin.reports.payee'), t('admin.reports.earned'), t('admin.reports.paidOut')]}>
            {row.netPayable.map((payee) => (
              <tr key={payee.payeeId} data-testid="report-payee">
                <td><code>{payee.payeeId}</code></td>
                <td className="money">{money(payee.amountMinor)}</td>
                <td className="money">{money(payee.paidOutMinor)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Card>
  );
}
