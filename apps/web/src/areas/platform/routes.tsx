import { Navigate, type RouteObject } from 'react-router';
import { screen } from '../../app/lazy';

/** The platform administrator's screens (`/platform`): tenants and the platform's health. */
export const routes: RouteObject[] = [
  { index: true, element: <Navigate to="tenants" replace /> },
  { path: 'tenants', lazy: screen(() => import('./Tenants')) },
  { path: 'tenants/:tenantId', lazy: screen(() => import('./TenantDetail')) },
  { path: 'health', lazy: screen(() => import('./Health')) },
];
