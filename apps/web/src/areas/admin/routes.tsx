import { Navigate, type RouteObject } from 'react-router';
import { screen } from '../../app/lazy';

/** The tenant admin's screens (`/admin`): users, security, API keys, branding. */
export const routes: RouteObject[] = [
  { index: true, element: <Navigate to="users" replace /> },
  { path: 'users', lazy: screen(() => import('./Users')) },
  { path: 'users/invite', lazy: screen(() => import('./InviteUser')) },
  { path: 'users/import', lazy: screen(() => import('./ImportUsers')) },
  { path: 'users/:userId', lazy: screen(() => import('./UserDetail')) },
  { path: 'security', lazy: screen(() => import('./SecuritySettings')) },
  { path: 'api-keys', lazy: screen(() => import('./ApiKeys')) },
  { path: 'branding', lazy: screen(() => import('./Branding')) },
];
