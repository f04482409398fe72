import type { RouteObject } from 'react-router';

// Screens of this area, each loaded lazily: `{ path: 'x', lazy: screen(() => import('./X')) }`.
export const routes: RouteObject[] = [];
