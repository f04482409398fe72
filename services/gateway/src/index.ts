import type { ServiceModule } from '@tessera/platform';
import { UPSTREAM_TIMEOUT_MS } from './app/upstream.js';
import { homeRoutes } from './http/home.routes.js';

export { Home, HomeCourse, HomeProfile, RecentResult, SectionError, UpcomingExam } from './contract/index.js';

export interface GatewayOptions {
  /** How long a section waits for its service before it is shown as an error (504). */
  upstreamTimeoutMs?: number;
}

/**
 * The gateway (backend-for-frontend) with other options than the defaults; tests shorten the upstream timeout.
 * It owns no data: its routes read the other services' public HTTP routes in this process, so it runs in the
 * API processes that serve them.
 */
export function createGatewayService(options: GatewayOptions = {}): ServiceModule {
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? UPSTREAM_TIMEOUT_MS;
  return {
    name: 'gateway',
    routes: (app) => homeRoutes(app, { upstreamTimeoutMs }),
  };
}

/** The gateway: screens of the student apps aggregated in one request (`GET /me/home`). */
export const gatewayService: ServiceModule = createGatewayService();
