import type { RouteObject } from 'react-router';
import { screen } from '../../app/lazy';

/** The signed-in person's own account (`/account`): profile, sign-in security, devices, their data. */
export const routes: RouteObject[] = [
  { index: true, lazy: screen(() => import('./Profile')) },
  { path: 'security', lazy: screen(() => import('./Security')) },
  { path: 'sessions', lazy: screen(() => import('./Sessions')) },
  { path: 'data', lazy: screen(() => import('./MyData')) },
];
