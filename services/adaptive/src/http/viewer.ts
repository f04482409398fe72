import { hasPermission, personOf, type HttpApp } from '@tessera/platform';
import type { FastifyRequest } from 'fastify';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { isLearner } from '../db/read-models.repository.js';
import type { AdaptiveDeps } from '../app/deps.js';
import { adaptiveErrors } from '../app/errors.js';
import type { Viewer } from '../app/goal.js';
import { AdaptivePermissions } from '../contract/permissions.js';

export type AdaptiveRoutes = (app: HttpApp, deps: AdaptiveDeps) => Promise<void>;

/** The signed-in person as a learner (staff see any course of the tenant). */
export function selfOf(request: FastifyRequest): Viewer {
  return { userId: personOf(request).subject, staff: hasPermission(request, AdaptivePermissions.insights) };
}

/**
 * The learner a request is about: the caller, or (`userId` given) another learner of the tenant, which only
 * staff may look at; anyone else asking about another user is refused.
 */
export async function learnerOf(deps: AdaptiveDeps, request: FastifyRequest, userId: string | undefined): Promise<Viewer> {
  const self = selfOf(request);
  if (!userId || userId === self.userId) return self;
  if (!self.staff) throw adaptiveErrors.userNotFound(userId);
  const tenantId = personOf(request).tenantId;
  const known = await deps.db.withTenant<AdaptiveDatabase, boolean>(tenantId, (tx) => isLearner(tx, tenantId, userId));
  if (!known) throw adaptiveErrors.userNotFound(userId);
  return { userId, staff: true };
}
