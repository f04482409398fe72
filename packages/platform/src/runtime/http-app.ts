import { createHttpApp, type HttpApp } from '../http/server.js';
import { registerKernelRoutes } from './kernel-routes.js';
import type { Platform } from './platform.js';
import type { ServiceModule } from './service-module.js';

export interface HttpAppOptions {
  /** Registers extra routes at the root (the web app's pages), before the app is made ready. */
  extraRoutes?: (app: HttpApp) => Promise<void> | void;
  /** Flipped by shutdown so `/readyz` answers 503 while requests drain. */
  state?: { draining: boolean };
}

/** The API process's app: the kernel routes plus every service's routes under `/api/v1`. */
export async function buildHttpApp(platform: Platform, modules: ServiceModule[], options: HttpAppOptions = {}): Promise<HttpApp> {
  for (const module of modules) if (module.permissions) platform.permissions.grant(module.permissions);
  const app = await createHttpApp({
    logger: platform.logger,
    metrics: platform.metrics,
    db: platform.db,
    cache: platform.cache,
    tokens: platform.tokens,
    tenants: platform.tenants,
    revocations: platform.revocations,
    permissions: platform.permissions,
    credentials: modules.flatMap((module) => module.credentials?.(platform) ?? []),
    bodyLimit: platform.config.BODY_LIMIT_BYTES,
    rateLimits: {
      userPerMinute: platform.config.RATE_LIMIT_USER_PER_MINUTE,
      tenantPerMinute: platform.config.RATE_LIMIT_TENANT_PER_MINUTE,
    },
    info: { title: 'Tessera API', version: '1' },
  });
  registerKernelRoutes(app, platform, options.state ?? { draining: false });
  for (const module of modules) {
    const routes = module.routes;
    if (routes) await app.register(async (scope) => routes(scope as HttpApp, platform), { prefix: '/api/v1' });
  }
  await options.extraRoutes?.(app);
  await app.ready();
  return app;
}
