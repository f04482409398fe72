import { Type } from '@sinclair/typebox';
import { principalOf, type HttpApp } from '@tessera/platform';
import type { BillingDeps } from '../app/deps.js';
import { financialSummary, MAX_REPORT_DAYS, summaryCsv } from '../app/reports.js';
import { BillingPermissions } from '../contract/permissions.js';
import { Currency } from '../contract/schemas.js';

const tags = ['billing'];
const Minor = Type.Integer({ description: 'integer minor units of the row\'s currency' });

const PeriodQuery = Type.Object({
  from: Type.String({ format: 'date-time', description: 'start of the period (included)' }),
  to: Type.String({ format: 'date-time', description: `end of the period (excluded); after from, at most ${MAX_REPORT_DAYS} days later` }),
});

const CurrencySummary = Type.Object({
  currency: Currency,
  grossSalesMinor: Minor,
  refundsMinor: Minor,
  discountsMinor: Minor,
  taxMinor: Minor,
  commissionMinor: Minor,
  feesMinor: Minor,
  payoutsMinor: Minor,
  tenantRevenueMinor: Minor,
  netPayable: Type.Array(Type.Object({
    payeeId: Type.String({ format: 'uuid' }),
    amountMinor: Type.Integer({ description: 'earned in the period: the payee\'s share of sales less refunds' }),
    paidOutMinor: Type.Integer({ description: 'paid out to the payee in the period' }),
  })),
});

const FinancialSummary = Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }), rows: Type.Array(CurrencySummary) });

/** Financial reports for tenant admins, computed from the ledger's postings so they reconcile with its balances. */
export async function reportRoutes(app: HttpApp, deps: BillingDeps): Promise<void> {
  const config = { permission: BillingPermissions.manage };
  const description = 'Per currency, from the ledger postings booked in [from, to): gross sales, refunds, discounts, tax, commission, processing fees, '
    + 'payouts, the tenant\'s own revenue, and what each payee earned. 422 when `to` is not after `from` or the period is longer than '
    + `${MAX_REPORT_DAYS} days.`;

  app.get('/billing/reports/summary', {
    config,
    schema: { tags, summary: 'The financial summary of a period', description, querystring: PeriodQuery, response: { 200: FinancialSummary } },
  }, async (request) => financialSummary(deps, principalOf(request).tenantId, new Date(request.query.from), new Date(request.query.to)));

  app.get('/billing/reports/summary.csv', {
    config,
    schema: { tags, summary: 'The financial summary of a period as CSV (one row per currency and payee)', description, querystring: PeriodQuery },
  }, async (request, reply) => {
    const summary = await financialSummary(deps, principalOf(request).tenantId, new Date(request.query.from), new Date(request.query.to));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="billing-summary.csv"')
      .header('x-content-type-options', 'nosniff').send(summaryCsv(summary));
  });
}
