// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import CheckoutPage from '../src/areas/billing/checkout/CheckoutPage';
import { couponInputOf, EMPTY_COUPON } from '../src/areas/billing/admin/coupon-draft';
import { termsChangeOf } from '../src/areas/billing/admin/terms-draft';
import { currencyDigits, decimalString, formatMoney, parseAmount, parseMoney, parsePercent, percentText } from '../src/areas/billing/money';
import { startSession } from '../src/auth/session';
import { json } from './support/fake-api';
import { renderScreen } from './support/render';

// The typed API client keeps the `fetch` it finds when it is created: the fake goes in before any import.
const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());

// jsdom has <dialog> but not its modal methods: the 3-D Secure dialog needs them.
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};

const ENROLLMENT = '00000000-0000-4000-8000-0000000000e1';
const ORDER = '00000000-0000-4000-8000-0000000000a1';
const COURSE = '00000000-0000-4000-8000-0000000000c1';
const ORDER_PATH = `/api/v1/billing/enrollments/${ENROLLMENT}/order`;
const PAY = `/api/v1/billing/orders/${ORDER}/pay`;
const CONFIRM = `/api/v1/billing/orders/${ORDER}/confirm`;
const PROVIDER = '/api/v1/billing/provider';
const TEST_HINT = 'Test mode: use 4242 4242 4242 4242';

type OrderBody = Record<string, unknown>;
const order = (extra: OrderBody = {}): OrderBody => ({
  id: ORDER, userId: 'u1', enrollmentId: ENROLLMENT, productKind: 'course', productId: COURSE, productTitle: 'Linear algebra',
  currency: 'EUR', subtotalMinor: 4999, discountMinor: 0, taxMinor: 1000, totalMinor: 5999, refundedMinor: 0, couponCode: null,
  status: 'awaiting_payment', challenge: null, failure: null, paidAt: null, expiresAt: '2026-03-02T11:00:00.000Z', createdAt: '2026-03-02T10:00:00.000Z', ...extra,
});
// The API's answer to a payment leaves the product's title out: the checkout keeps the one it read.
const paid = () => order({ status: 'paid', paidAt: '2026-03-02T10:01:00.000Z', productTitle: null });
const calls = (method: string, path: string) => api.calls.filter((call) => call.method === method && call.path === path);

beforeAll(() => {
  const claims = btoa(JSON.stringify({ sub: 'student-1', tid: 't1', roles: ['student'] }));
  startSession('demo', { accessToken: `header.${claims}.signature`, refreshToken: 'r', expiresIn: 3600, sessionId: 's1' });
});

afterEach(() => {
  cleanup();
  api.calls.length = 0;
});

function openCheckout(): void {
  renderScreen(<Routes><Route path="/checkout/:enrollmentId" element={<CheckoutPage />} /></Routes>, `/checkout/${ENROLLMENT}`);
}

async function payWith(card: string, coupon = ''): Promise<void> {
  fireEvent.change(await screen.findByLabelText('Card number'), { target: { value: card } });
  if (coupon) fireEvent.change(screen.getByLabelText('Coupon code'), { target: { value: coupon } });
  fireEvent.click(screen.getByRole('button', { name: 'Pay €59.99' }));
}

describe('money in minor units', () => {
  it('knows how many decimals each currency has', () => {
    expect([currencyDigits('EUR'), currencyDigits('JPY'), currencyDigits('BHD')]).toEqual([2, 0, 3]);
  });

  it('formats minor units in the reader\'s locale without floats', () => {
    expect(formatMoney(4999, 'EUR', 'en')).toBe('€49.99');
    expect(formatMoney(4999, 'EUR', 'fr')).toBe('49,99\u00a0€');
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
    expect(formatMoney(1234, 'BHD', 'en')).toMatch(/1\.234/);
    expect(formatMoney(-5, 'EUR', 'en')).toBe('-€0.05');
    // A float would lose the last cents of this amount.
    expect(formatMoney(9_007_199_254_740_991, 'EUR', 'en')).toBe('€90,071,992,547,409.91');
    expect(decimalString(7, 2)).toBe('0.07');
    expect(decimalString(7, 0)).toBe('7');
  });

  it('parses what people type into minor units, refusing more decimals than the currency has', () => {
    expect(parseMoney('49.99', 'EUR')).toEqual({ ok: true, minor: 4999 });
    expect(parseMoney('49,9', 'EUR')).toEqual({ ok: true, minor: 4990 });
    expect(parseMoney(' 1 200 ', 'EUR')).toEqual({ ok: true, minor: 120000 });
    expect(parseMoney('49.', 'EUR')).toEqual({ ok: true, minor: 4900 });
    expect(parseMoney('0.1', 'EUR')).toEqual({ ok: true, minor: 10 });
    expect(parseMoney('49.999', 'EUR')).toEqual({ ok: false, reason: 'decimals' });
    expect(parseMoney('500', 'JPY')).toEqual({ ok: true, minor: 500 });
    expect(parseMoney('500.5', 'JPY')).toEqual({ ok: false, reason: 'decimals' });
    expect(parseMoney('1.234', 'BHD')).toEqual({ ok: true, minor: 1234 });
    expect(parseMoney('', 'EUR')).toEqual({ ok: false, reason: 'empty' });
    expect(parseMoney('-3', 'EUR')).toEqual({ ok: false, reason: 'format' });
    expect(parseMoney('1e3', 'EUR')).toEqual({ ok: false, reason: 'format' });
    expect(parseMoney('€5', 'EUR')).toEqual({ ok: false, reason: 'format' });
    expect(parseAmount('99999999999999999', 2)).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('reads and writes percentages as basis points', () => {
    expect(parsePercent('20')).toEqual({ ok: true, minor: 2000 });
    expect(parsePercent('12.5')).toEqual({ ok: true, minor: 1250 });
    expect(parsePercent('12.555')).toEqual({ ok: false, reason: 'decimals' });
    expect([percentText(2000), percentText(1250), percentText(5), percentText(0)]).toEqual(['20', '12.5', '0.05', '0']);
  });

  it('turns the admin forms into API bodies with integers only', () => {
    const settings = { currency: 'EUR', commissionBp: 2000, taxRateBp: 2000, refundWindowDays: 14, version: 1 };
    expect(termsChangeOf(settings, { currency: 'eur', commission: '12.5', tax: '20', refundWindowDays: '30' }))
      .toEqual({ change: { commissionBp: 1250, refundWindowDays: 30 }, invalid: [] });
    expect(termsChangeOf(settings, { currency: 'EUR', commission: '1.234', tax: 'x', refundWindowDays: '3.5' }).invalid).toEqual(['commission', 'tax', 'refundWindowDays']);
    expect(couponInputOf({ ...EMPTY_COUPON, code: ' SPRING ', value: '15' }, 'EUR')).toEqual({ input: { code: 'SPRING', percentBp: 1500 }, invalid: [] });
    expect(couponInputOf({ ...EMPTY_COUPON, code: 'TEN', kind: 'fixed', value: '10.50', maxRedemptions: '3' }, 'EUR'))
      .toEqual({ input: { code: 'TEN', amountMinor: 1050, currency: 'EUR', maxRedemptions: 3 }, invalid: [] });
    expect(couponInputOf({ ...EMPTY_COUPON, code: 'X', value: '0', maxRedemptions: 'many' }, 'EUR').invalid).toEqual(['value', 'maxRedemptions']);
  });
});

describe('the checkout', () => {
  it('waits for billing to open the order, pays with an Idempotency-Key and says the student is enrolled', async () => {
    let opened = false;
    api.answer((method, path) => {
      if (method === 'GET' && path === ORDER_PATH) {
        const ready = opened;
        opened = true;
        return ready ? json(order()) : json({ title: 'Not Found', status: 404, code: 'BILLING.ORDER_NOT_FOUND' }, 404);
      }
      if (method === 'GET' && path === PROVIDER) return json({ provider: 'test', testMode: true });
      if (method === 'POST' && path === PAY) return json(paid());
      if (method === 'GET' && path === `/api/v1/enrollments/${ENROLLMENT}`) return json({ id: ENROLLMENT, status: 'active' });
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    openCheckout();
    expect(await screen.findByText(TEST_HINT)).toBeTruthy();
    expect(calls('GET', ORDER_PATH).length).toBe(2);
    expect(screen.getByTestId('summary-subtotal').textContent).toContain('€49.99');
    expect(screen.getByTestId('summary-tax').textContent).toContain('€10.00');
    expect(screen.getByTestId('summary-total').textContent).toContain('€59.99');

    await payWith('4242 4242 4242 4242');
    expect(await screen.findByText('You are enrolled.')).toBeTruthy();
    expect(screen.getByTestId('summary-product').textContent).toBe('CourseLinear algebra');
    const [pay] = calls('POST', PAY);
    expect(pay?.body).toEqual({ paymentMethod: '4242424242424242' });
    expect(pay?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.getByRole('link', { name: 'Go to the course' }).getAttribute('href')).toBe(`/learn/courses/${COURSE}`);
  });

  it('shows the test-card hint only while the processor is in test mode', async () => {
    api.answer((method, path) => {
      if (method === 'GET' && path === ORDER_PATH) return json(order());
      if (method === 'GET' && path === PROVIDER) return json({ provider: 'stripe', testMode: false });
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    openCheckout();
    await screen.findByLabelText('Card number');
    await waitFor(() => expect(calls('GET', PROVIDER).length).toBe(1));
    // Let the answer reach the form before looking for the hint.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText(TEST_HINT)).toBeNull();
    expect(screen.getByLabelText('Card number').getAttribute('aria-describedby') ?? '').not.toMatch(/hint/);
  });

  it('shows why a card was refused, and that nothing was charged', async () => {
    api.answer((method, path) => {
      if (method === 'GET' && path === ORDER_PATH) return json(order());
      if (method === 'POST' && path === PAY) return json(order({ status: 'failed', failure: { code: 'card_declined', message: 'Your card was declined.' } }));
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    openCheckout();
    await payWith('4000000000000002');
    const failed = await screen.findByTestId('checkout-failed');
    expect(within(failed).getByRole('alert').textContent).toBe('Your payment did not go through.Your card was declined.Nothing was charged and you are not enrolled.');
    expect(within(failed).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('asks the 3-D Secure question in a dialog and confirms with a key of its own', async () => {
    api.answer((method, path, body) => {
      if (method === 'GET' && path === ORDER_PATH) return json(order());
      if (method === 'POST' && path === PAY) return json(order({ status: 'requires_action', challenge: 'Your bank asks you to confirm this payment: enter the code 1234.' }));
      if (method === 'POST' && path === CONFIRM) {
        return (body as { response: string }).response === '1234' ? json(paid()) : json(order({ status: 'failed', failure: { code: 'authentication_failed', message: 'The card issuer could not authenticate the payment.' } }));
      }
      if (method === 'GET' && path === `/api/v1/enrollments/${ENROLLMENT}`) return json({ id: ENROLLMENT, status: 'active' });
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    openCheckout();
    await payWith('4000000000003220');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('secure-challenge').textContent).toBe('Your bank asks you to confirm this payment: enter the code 1234.');
    fireEvent.change(within(dialog).getByLabelText('Confirmation code'), { target: { value: '1234' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('You are enrolled.')).toBeTruthy();
    const [pay] = calls('POST', PAY);
    const [confirm] = calls('POST', CONFIRM);
    expect(confirm?.body).toEqual({ response: '1234' });
    expect(confirm?.headers['idempotency-key']).toBeTruthy();
    expect(confirm?.headers['idempotency-key']).not.toBe(pay?.headers['idempotency-key']);
  });

  it('names the fields the API refuses beside them', async () => {
    api.answer((method, path, body) => {
      if (method === 'GET' && path === ORDER_PATH) return json(order());
      if (method === 'POST' && path === PAY && !(body as { paymentMethod?: string }).paymentMethod) {
        return json({ title: 'Your request is not valid', status: 400, errors: [{ pointer: '/body/paymentMethod', detail: 'must NOT have fewer than 1 characters' }] }, 400);
      }
      if (method === 'POST' && path === PAY) {
        return json({ title: 'Unprocessable', status: 422, code: 'BILLING.COUPON_UNUSABLE', detail: 'Coupon OLD cannot be used: it has expired', errors: [{ pointer: '/body/couponCode', detail: 'it has expired' }] }, 422);
      }
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    openCheckout();
    await payWith('');
    const card = await screen.findByLabelText('Card number');
    await waitFor(() => expect(card.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Enter the card number as printed on the card.')).toBeTruthy();
    expect(screen.getByText('Some fields need a change: see the messages beside them.')).toBeTruthy();

    await payWith('4242424242424242', 'old');
    expect(await screen.findByText('This coupon cannot be used: it has expired.')).toBeTruthy();
    expect(screen.getByLabelText('Coupon code').getAttribute('aria-invalid')).toBe('true');
    expect(card.getAttribute('aria-invalid')).toBeNull();
    expect(calls('POST', PAY)[1]?.body).toEqual({ paymentMethod: '4242424242424242', couponCode: 'old' });
  });

  it('sends a payment lost on the way again with the same key, and a new click with a new key', async () => {
    let lost = 1;
    api.answer((method, path) => {
      if (method === 'GET' && path === ORDER_PATH) return json(order());
      if (method === 'POST' && path === PAY && lost-- > 0) throw new TypeError('Failed to fetch');
      if (method === 'POST' && path === PAY) return json({ title: 'Service Unavailable', status: 503, code: 'BILLING.PROVIDER_UNAVAILABLE', detail: 'The payment provider could not be reached; nothing was charged. Try again in a moment' }, 503);
      return json({ title: 'Not Found', status: 404 }, 404);
    });
    openCheckout();
    await payWith('4242424242424242');
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Pay €59.99' }));
    await waitFor(() => expect(calls('POST', PAY).length).toBe(3));
    const keys = calls('POST', PAY).map((call) => call.headers['idempotency-key']);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
  });
});
