/** The demo data `tessera start --seed-demo` creates (see services/identity's demo seed). */
export const DEMO_PASSWORD = 'tessera-demo-2026';
export const demo = {
  tenant: 'demo',
  student: { tenant: 'demo', email: 'student@demo.tessera.localhost', password: DEMO_PASSWORD },
  instructor: { tenant: 'demo', email: 'instructor@demo.tessera.localhost', password: DEMO_PASSWORD },
  admin: { tenant: 'demo', email: 'admin@demo.tessera.localhost', password: DEMO_PASSWORD },
  platformAdmin: { tenant: 'platform', email: 'platform-admin@tessera.localhost', password: DEMO_PASSWORD },
};
