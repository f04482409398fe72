import { Navigate, type RouteObject } from 'react-router';
import { RequireRole } from '../../app/guards';
import { screen } from '../../app/lazy';
import { BUYER_ROLES } from './billing-api';

// The billing screens, each loaded lazily (one chunk each); the app's route table places each list.

/** At the top level: the checkout of an enrollment or an order, and the receipt of an order (notifications link `/orders/<id>`). */
export const routes: RouteObject[] = [
  {
    element: <RequireRole roles={BUYER_ROLES} />,
    children: [
      { path: 'checkout/order/:orderId', lazy: screen(() => import('./checkout/CheckoutPage')) },
      { path: 'checkout/:enrollmentId', lazy: screen(() => import('./checkout/CheckoutPage')) },
      { path: 'orders/:orderId', lazy: screen(() => import('./orders/ReceiptPage')) },
    ],
  },
];

/** Under `/account`: the person's order history. */
export const accountRoutes: RouteObject[] = [
  { path: 'orders', element: <RequireRole roles={BUYER_ROLES} />, children: [{ index: true, lazy: screen(() => import('./orders/OrdersPage')) }] },
];

/** Under `/learn`: a student reads the notification link `/orders/<id>` there. */
export const studentRoutes: RouteObject[] = [
  { path: 'orders/:orderId', lazy: screen(() => import('./orders/ReceiptPage')) },
];

/** Under `/teach`: a course's price (instructors who published it, tenant admins), the instructor's earnings and payouts. */
export const teachRoutes: RouteObject[] = [
  { path: 'courses/:courseId/price', element: <RequireRole roles={['instructor', 'tenant_admin']} />, children: [{ index: true, lazy: screen(() => import('./teach/PricePage')) }] },
  { path: 'earnings', lazy: screen(() => import('./teach/EarningsPage')) },
  { path: 'payouts/:payoutId', lazy: screen(() => import('./teach/PayoutPage')) },
];

/** Under `/admin` (tenant admins, as the area guards): orders and refunds, coupons, terms, the ledger, reports, payouts. */
export const adminRoutes: RouteObject[] = [
  {
    path: 'billing',
    children: [
      { index: true, element: <Navigate to="orders" replace /> },
      { path: 'orders', lazy: screen(() => import('./admin/AdminOrdersPage')) },
      { path: 'coupons', lazy: screen(() => import('./admin/CouponsPage')) },
      { path: 'terms', lazy: screen(() => import('./admin/TermsPage')) },
      { path: 'ledger', lazy: screen(() => import('./admin/LedgerPage')) },
      { path: 'reports', lazy: screen(() => import('./admin/ReportsPage')) },
      { path: 'refunds', lazy: screen(() => import('./admin/RefundRequestsPage')) },
      { path: 'payouts', lazy: screen(() => import('./admin/PayoutsPage')) },
    ],
  },
];
