// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import PayoutsPage from '../src/areas/billing/admin/PayoutsPage';
import RefundRequestsPage from '../src/areas/billing/admin/RefundRequestsPage';
import ReportsPage from '../src/areas/billing/admin/ReportsPage';
import { periodOf, thisMonth } from '../src/areas/billing/admin/report-period';
import ReceiptPage from '../src/areas/billing/orders/ReceiptPage';
import { startSession } from '../src/auth/session';
import { Toasts } from '../src/ui';
import { json } from './support/fake-api';
import { renderScreen } from './support/render';

// The typed API client keeps the `fetch` it finds when it is created: the fake goes in before any import.
const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());

// jsdom has <dialog> but not its modal methods: the confirmation dialogs need them.
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};

const ORDER = '00000000-0000-4000-8000-0000000000a1';
const REFUND = '00000000-0000-4000-8000-0000000000f1';
const PAYEE = '00000000-0000-4000-8000-0000000000b1';
const NOT_FOUND = () => json({ title: 'Not Found', status: 404 }, 404);
const calls = (method: string, path: string) => api.calls.filter((call) => call.method === method && call.path === path);

const order = (extra: Record<string, unknown> = {}) => ({
  id: ORDER, userId: 'u1', enrollmentId: null, productKind: 'course', productId: ORDER, productTitle: 'Linear algebra',
  currency: 'EUR', subtotalMinor: 4999, discountMinor: 0, taxMinor: 1000, totalMinor: 5999, refundedMinor: 0, couponCode: null,
  status: 'paid', challenge: null, failure: null, paidAt: '2026-03-02T10:01:00.000Z', expiresAt: '2026-03-02T11:00:00.000Z', createdAt: '2026-03-02T10:00:00.000Z', ...extra,
});
const refund = (extra: Record<string, unknown> = {}) => ({
  id: REFUND, orderId: ORDER, amountMinor: 5999, reason: 'Not what I expected', status: 'requested', requestedBy: 'u1', decidedBy: null,
  createdAt: '2026-03-03T09:00:00.000Z', updatedAt: '2026-03-03T09:00:00.000Z', ...extra,
});
const payout = (extra: Record<string, unknown> = {}) => ({
  id: '00000000-0000-4000-8000-0000000000d1', payeeId: PAYEE, currency: 'EUR', amountMinor: 3599, status: 'paid', providerRef: 'po_1',
  runId: '00000000-0000-4000-8000-0000000000e1', periodEnd: '2026-03-31T00:00:00.000Z', failure: null,
  createdAt: '2026-03-31T00:00:00.000Z', updatedAt: '2026-03-31T00:00:00.000Z', ...extra,
});

beforeAll(() => {
  const claims = btoa(JSON.stringify({ sub: 'admin-1', tid: 't1', roles: ['tenant_admin'] }));
  startSession('demo', { accessToken: `header.${claims}.signature`, refreshToken: 'r', expiresIn: 3600, sessionId: 's1' });
});

afterEach(() => {
  cleanup();
  api.calls.length = 0;
});

describe('the report period', () => {
  it('defaults to this month and sends the last picked day whole', () => {
    expect(thisMonth(new Date(2026, 2, 17))).toEqual({ from: '2026-03-01', to: '2026-03-17' });
    const period = periodOf({ from: '2026-03-01', to: '2026-03-17' });
    expect(new Date(period?.to ?? '').getTime() - new Date(period?.from ?? '').getTime()).toBe(17 * 24 * 3600 * 1000);
    expect(periodOf({ from: '2026-03-05', to: '2026-03-01' })).toBeNull();
    expect(periodOf({ from: '', to: '2026-03-01' })).toBeNull();
  });
});

describe('the financial report', () => {
  it('shows each figure of the period as money, in a table and as labelled bars', async () => {
    api.answer((method, path) => {
      if (method === 'GET' && path === '/api/v1/billing/reports/summary') {
        return json({ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', rows: [{
          currency: 'EUR', grossSalesMinor: 599_900, refundsMinor: 5999, discountsMinor: 1000, taxMinor: 99_983, commissionMinor: 99_983, feesMinor: 1234,
          payoutsMinor: 300_000, tenantRevenueMinor: 98_749, netPayable: [{ payeeId: PAYEE, amountMinor: 394_935, paidOutMinor: 300_000 }],
        }] });
      }
      return NOT_FOUND();
    });
    renderScreen(<ReportsPage />);
    const report = await screen.findByTestId('report-EUR');
    expect(within(report).getByTestId('figure-grossSalesMinor').textContent).toBe('Gross sales€5,999.00');
    expect(within(report).getByTestId('figure-feesMinor').textContent).toBe('Processing fees€12.34');
    const chart = within(report).getByRole('img', { name: 'Summary in EUR, as bars' });
    const labels = [...chart.querySelectorAll('text')].map((text) => text.textContent);
    expect(labels).toContain('€5,999.00');
    expect(labels).toContain('€59.99');
    expect(within(report).getByTestId('report-payee').textContent).toContain('€3,949.35');
    const [summary] = calls('GET', '/api/v1/billing/reports/summary');
    expect(summary).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeTruthy();
  });
});

describe('refund requests', () => {
  function openReceipt(): void {
    renderScreen(<><Routes><Route path="/orders/:orderId" element={<ReceiptPage />} /></Routes><Toasts /></>, `/orders/${ORDER}`);
  }

  async function ask(reason: string): Promise<void> {
    fireEvent.click(await screen.findByRole('button', { name: 'Ask for a refund' }));
    fireEvent.change(screen.getByLabelText('Why do you want a refund?'), { target: { value: reason } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the request' }));
  }

  it('sends the student\'s request and shows it waiting', async () => {
    let asked = false;
    api.answer((method, path) => {
      if (method === 'GET' && path === `/api/v1/billing/orders/${ORDER}`) return json(order());
      if (method === 'GET' && path === `/api/v1/billing/orders/${ORDER}/refunds`) return json({ items: asked ? [refund()] : [] });
      if (method === 'POST' && path === `/api/v1/billing/orders/${ORDER}/refund-requests`) {
        asked = true;
        return json(refund(), 201);
      }
      return NOT_FOUND();
    });
    openReceipt();
    expect(await screen.findByText('No refund has been asked for or made on this order.')).toBeTruthy();
    await ask('Not what I expected');
    expect(await screen.findByText('Your refund request was sent. An administrator will decide on it.')).toBeTruthy();
    const row = await screen.findByTestId('order-refund');
    expect(row.textContent).toContain('€59.99');
    expect(row.textContent).toContain('Requested');
    expect(calls('POST', `/api/v1/billing/orders/${ORDER}/refund-requests`)[0]?.body).toEqual({ reason: 'Not what I expected' });
    // One request at a time: the action goes while this one waits.
    expect(screen.queryByRole('button', { name: 'Ask for a refund' })).toBeNull();
  });

  it('says clearly when the refund window has closed, or a request already waits', async () => {
    let answer = json({ title: 'Unprocessable', status: 422, code: 'BILLING.REFUND_WINDOW_CLOSED', detail: 'The refund window closed' }, 422);
    api.answer((method, path) => {
      if (method === 'GET' && path === `/api/v1/billing/orders/${ORDER}`) return json(order());
      if (method === 'GET' && path === `/api/v1/billing/orders/${ORDER}/refunds`) return json({ items: [] });
      if (method === 'POST' && path === `/api/v1/billing/orders/${ORDER}/refund-requests`) return answer;
      return NOT_FOUND();
    });
    openReceipt();
    await ask('Too late');
    expect((await screen.findByRole('alert')).textContent).toBe('The time to ask for a refund of this order has passed.');
    answer = json({ title: 'Conflict', status: 409, code: 'BILLING.REFUND_ALREADY_REQUESTED' }, 409);
    fireEvent.click(screen.getByRole('button', { name: 'Send the request' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('A refund of this order has already been asked for and is waiting for a decision.'));
  });

  it('lets the admin approve a request with an Idempotency-Key, then refreshes the list', async () => {
    let approved = false;
    api.answer((method, path) => {
      if (method === 'GET' && path === '/api/v1/admin/billing/refunds') return json({ items: approved ? [] : [refund()] });
      if (method === 'GET' && path === `/api/v1/billing/orders/${ORDER}`) return json(order());
      if (method === 'POST' && path === `/api/v1/billing/refunds/${REFUND}/approve`) {
        approved = true;
        return json(refund({ status: 'pending', decidedBy: 'admin-1' }));
      }
      return NOT_FOUND();
    });
    renderScreen(<><RefundRequestsPage /><Toasts /></>);
    const row = await screen.findByTestId('refund-request');
    expect(row.textContent).toContain('Linear algebra');
    expect(row.textContent).toContain('€59.99');
    fireEvent.click(within(row).getByRole('button', { name: 'Approve the refund of Linear algebra' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('€59.99 refunded for Linear algebra.')).toBeTruthy();
    expect(await screen.findByText('No refund request is waiting.')).toBeTruthy();
    const [approve] = calls('POST', `/api/v1/billing/refunds/${REFUND}/approve`);
    expect(approve?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls('GET', '/api/v1/admin/billing/refunds').length).toBe(2);
  });
});

describe('payouts', () => {
  it('runs payouts with an Idempotency-Key and shows what was paid', async () => {
    let ran = false;
    api.answer((method, path) => {
      if (method === 'GET' && path === '/api/v1/billing/payout-settings') return new Response(JSON.stringify({ minimumMinor: 2000, version: 3 }), { headers: { 'content-type': 'application/json', etag: '"3"' } });
      if (method === 'GET' && path === '/api/v1/billing/settings') return json({ currency: 'EUR', commissionBp: 2000, taxRateBp: 2000, refundWindowDays: 14, version: 1 });
      if (method === 'GET' && path === '/api/v1/admin/billing/payouts') return json({ items: ran ? [payout()] : [], nextCursor: null });
      if (method === 'POST' && path === '/api/v1/billing/payouts/run') {
        ran = true;
        return json({ runId: payout().runId, payouts: [payout()] });
      }
      return NOT_FOUND();
    });
    renderScreen(<><PayoutsPage /><Toasts /></>);
    expect((await screen.findByLabelText('Minimum (EUR)') as HTMLInputElement).value).toBe('20.00');
    expect(await screen.findByText('No payouts yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run payouts now' }));
    expect((await screen.findByTestId('payout-run')).textContent).toBe('1 payout for €35.99.');
    const row = await screen.findByTestId('payout');
    expect(row.textContent).toContain('€35.99');
    expect(row.textContent).toContain('Paid');
    const [run] = calls('POST', '/api/v1/billing/payouts/run');
    expect(run?.body).toEqual({});
    expect(run?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
