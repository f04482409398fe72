import { Navigate, type RouteObject } from 'react-router';
import { screen } from '../../app/lazy';
import { RequireRole } from '../../app/guards';
import { NOTIFICATION_ROLES } from './api';

// Every role the notify service serves has notifications; each screen loads lazily (one chunk each).

/** `/notifications`: the full list. */
export const routes: RouteObject[] = [
  { element: <RequireRole roles={NOTIFICATION_ROLES} />, children: [{ index: true, lazy: screen(() => import('./NotificationsPage')) }] },
];

/** Under `/account`: the notification preferences beside the account's other settings. */
export const accountRoutes: RouteObject[] = [
  { path: 'notifications', element: <RequireRole roles={NOTIFICATION_ROLES} />, children: [{ index: true, lazy: screen(() => import('./preferences/PreferencesPage')) }] },
];

/** Under `/admin` (tenant admins only, as the area guards): the delivery log and the tenant's notification settings. */
export const adminRoutes: RouteObject[] = [
  {
    path: 'notifications',
    children: [
      { index: true, element: <Navigate to="deliveries" replace /> },
      { path: 'deliveries', lazy: screen(() => import('./admin/DeliveryLog')) },
      { path: 'settings', lazy: screen(() => import('./admin/NotifySettingsPage')) },
      { path: 'announcements', lazy: screen(() => import('./announcements/AdminAnnouncements')) },
    ],
  },
];
