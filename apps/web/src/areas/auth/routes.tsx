import type { RouteObject } from 'react-router';
import { screen } from '../../app/lazy';

export const routes: RouteObject[] = [
  { path: 'sign-in', lazy: screen(() => import('./SignIn')) },
];
