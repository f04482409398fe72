import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../../../api/problem';
import { useAction, type ActionHandle } from '../../../api/use-action';
import { confirmOrder, fetchOrder, keepTitle, payOrder, type Order } from '../billing-api';
import { IN_FLIGHT, sendOnce, waitForOrder } from './checkout-flow';

const IN_FLIGHT_POLL_MS = 1_000;

export interface Checkout {
  order: Order | null;
  loadError: ApiError | null;
  reload(): void;
  action: ActionHandle;
  pay(input: { paymentMethod: string; couponCode?: string }): Promise<boolean>;
  confirm(response: string): Promise<boolean>;
}

/** What the checkout pays: a paid course's enrollment (its order opens a moment later) or an order itself (a lesson). */
export type CheckoutOf = { enrollmentId: string } | { orderId: string };

/** The order as the checkout shows it: opened (polled for), paid, challenged, refused. */
export function useCheckout(of: CheckoutOf): Checkout {
  const key = 'orderId' in of ? `order:${of.orderId}` : `enrollment:${of.enrollmentId}`;
  const [order, setOrder] = useState<Order | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [nonce, setNonce] = useState(0);
  const action = useAction();

  useEffect(() => {
    let live = true;
    setLoadError(null);
    const load = 'orderId' in of ? fetchOrder(of.orderId) : waitForOrder(of.enrollmentId, () => live);
    load.then(
      (found) => live && setOrder(found),
      (error: unknown) => live && setLoadError(asApiError(error)),
    );
    return () => {
      live = false;
    };
    // `key` names what `of` names; the object itself is new each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, nonce]);

  // A payment another tab started, or a capture the server finishes later: watch it settle.
  useEffect(() => {
    if (!order || !IN_FLIGHT.includes(order.status)) return undefined;
    const timer = setTimeout(() => {
      fetchOrder(order.id).then((next) => setOrder(keepTitle(next, order)), () => setOrder({ ...order }));
    }, IN_FLIGHT_POLL_MS);
    return () => clearTimeout(timer);
  }, [order]);

  const settle = useCallback(async (orderId: string, send: () => Promise<Order>) => {
    try {
      const next = await send();
      setOrder((before) => keepTitle(next, before));
    } catch (error) {
      // Paid or refused meanwhile (another tab, a double click): show where the order stands instead.
      if (asApiError(error).code !== 'BILLING.ORDER_NOT_PAYABLE') throw error;
      const current = await fetchOrder(orderId);
      setOrder((before) => keepTitle(current, before));
    }
  }, []);

  const pay = (input: { paymentMethod: string; couponCode?: string }) => {
    const orderId = order?.id ?? '';
    return action.run('pay', () => settle(orderId, () => sendOnce((key) => payOrder(orderId, key, input))));
  };
  const confirm = (response: string) => {
    const orderId = order?.id ?? '';
    return action.run('confirm', () => settle(orderId, () => sendOnce((key) => confirmOrder(orderId, key, response))));
  };
  return { order, loadError, reload: () => setNonce((n) => n + 1), action, pay, confirm };
}
