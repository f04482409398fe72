import type { RouteObject } from 'react-router';
import { routes as accountRoutes } from '../areas/account/routes';
import { routes as adminRoutes } from '../areas/admin/routes';
import { routes as authRoutes } from '../areas/auth/routes';
import { accountRoutes as billingAccountRoutes, adminRoutes as billingAdminRoutes, routes as billingRoutes, studentRoutes as billingStudentRoutes, teachRoutes as billingTeachRoutes } from '../areas/billing/routes';
import { routes as instructorRoutes } from '../areas/instructor/routes';
import { accountRoutes as notificationAccountRoutes, adminRoutes as notificationAdminRoutes, routes as notificationRoutes } from '../areas/notifications/routes';
import { routes as platformRoutes } from '../areas/platform/routes';
import { routes as studentRoutes } from '../areas/student/routes';
import { HomeRedirect, NotFound, RequireRole, RouteError } from './guards';
import { PublicFrame, Shell } from './Shell';

/**
 * Every screen. Each area's `routes.tsx` loads its screens lazily, so a student's first load carries
 * the shell and the student home only. Areas of later services (checkout, analytics) add their route
 * module here and their entries to `nav.ts`. A user's own notifications have no entry there: the shell's bell
 * leads to them on every page of every role that has them; the tenant admin's delivery log and settings do.
 */
export const routes: RouteObject[] = [
  { element: <PublicFrame />, errorElement: <RouteError />, children: authRoutes },
  {
    path: '/',
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'account', children: [...accountRoutes, ...notificationAccountRoutes, ...billingAccountRoutes] },
      { path: 'notifications', children: notificationRoutes },
      { path: 'learn', element: <RequireRole roles={['student']} />, children: [...studentRoutes, ...billingStudentRoutes] },
      { path: 'teach', element: <RequireRole roles={['instructor', 'tutor', 'tenant_admin']} />, children: [...instructorRoutes, ...billingTeachRoutes] },
      { path: 'admin', element: <RequireRole roles={['tenant_admin']} />, children: [...adminRoutes, ...notificationAdminRoutes, ...billingAdminRoutes] },
      ...billingRoutes,
      { path: 'platform', element: <RequireRole roles={['platform_admin']} />, children: platformRoutes },
      { path: '*', element: <NotFound /> },
    ],
  },
];
