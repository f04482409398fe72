import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { PermissionGrants } from '../auth/permissions.js';
import { AppError } from '../errors.js';
import { principalOf } from '../http/auth-hook.js';
import { decodeCursor, Page, PageQuery, toPage } from '../http/pagination.js';
import { problemTypes, problemTypeUri } from '../http/problem.js';
import type { HttpApp } from '../http/server.js';
import type { Platform } from './platform.js';
import { MANAGE_SIGNING_KEYS, registerSigningKeyRoutes } from './signing-key-routes.js';

const CHECK_TIMEOUT_MS = 2_000;

/** The kernel's own permissions (the dead-letter and signing-key admin APIs). */
export const KernelPermissions = {
  readDeadLetters: 'platform.dead_letters.read',
  manageDeadLetters: 'platform.dead_letters.manage',
  manageSigningKeys: MANAGE_SIGNING_KEYS,
} as const;

/** Who holds the kernel's permissions. */
export const kernelGrants: PermissionGrants = {
  [KernelPermissions.readDeadLetters]: ['platform_admin', 'tenant_admin'],
  [KernelPermissions.manageDeadLetters]: ['platform_admin'],
  [KernelPermissions.manageSigningKeys]: ['platform_admin'],
};

/** Routes every API process serves: health, metrics, the JWKS, problem type pages, the dead-letter and signing-key admin APIs. */
export function registerKernelRoutes(app: HttpApp, platform: Platform, state: { draining: boolean }): void {
  const publicRoute = { auth: false as const };

  app.get('/healthz', { config: publicRoute, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: publicRoute, schema: { hide: true } }, async (_request, reply) => {
    const checks = await readiness(platform);
    const ready = !state.draining && Object.values(checks).every((value) => value === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: state.draining ? 'draining' : ready ? 'ready' : 'unavailable', checks });
  });

  app.get('/metrics', { config: publicRoute, schema: { hide: true } }, async (_request, reply) =>
    reply.type(platform.metrics.registry.contentType).send(await platform.metrics.registry.metrics()),
  );

  app.get('/.well-known/jwks.json', { config: publicRoute, schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(await platform.keys.jwks()),
  );

  app.get('/problems/:slug', { config: publicRoute, schema: { hide: true, params: Type.Object({ slug: Type.String() }) } },
    async (request, reply) => {
      const type = Object.values(problemTypes).find((candidate) => candidate.slug === request.params.slug);
      if (!type) throw new AppError('not_found', 'PROBLEM.UNKNOWN_TYPE', `No problem type "${request.params.slug}"`);
      return reply.type('text/html; charset=utf-8').send(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>${type.title}</title>` +
          `<h1>${type.title}</h1><p>HTTP ${type.status} · <code>${problemTypeUri(type)}</code></p><p>${type.description}</p></html>`,
      );
    });

  registerDeadLetterAdmin(app, platform);
  registerSigningKeyRoutes(app, platform.keys);
}

async function readiness(platform: Platform): Promise<Record<string, string>> {
  const probes = { database: () => platform.db.ping(), bus: () => platform.bus.ping(), cache: () => platform.cache.ping() };
  const entries = await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => [name, await withTimeout(probe()).then(() => 'ok', (e: Error) => e.message)]),
  );
  return Object.fromEntries(entries);
}

function withTimeout(promise: Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

const DeadLetter = Type.Object({
  id: Type.Integer(),
  tenantId: Type.Union([Type.String(), Type.Null()]),
  durable: Type.String(),
  subject: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  deliveries: Type.Integer(),
  error: Type.String(),
  deadAt: Type.String({ format: 'date-time' }),
});

interface DeadLetterRow {
  id: number;
  tenant_id: string | null;
  durable: string;
  subject: string;
  event_id: string;
  event_type: string;
  deliveries: number;
  error: string;
  dead_at: Date;
}

/**
 * Dead letters: a platform admin sees every tenant's, a tenant admin only their own (through RLS).
 * Discarding one records that an operator has dealt with it.
 */
function registerDeadLetterAdmin(app: HttpApp, platform: Platform): void {
  app.get('/api/v1/admin/dead-letters', {
    config: { permission: KernelPermissions.readDeadLetters },
    schema: { tags: ['admin'], summary: 'List dead-lettered messages', querystring: PageQuery, response: { 200: Page(DeadLetter) } },
  }, async (request) => {
    const { limit, cursor } = request.query;
    const after = cursor ? Number(decodeCursor(cursor, 1, ([id]) => Number.isSafeInteger(id))[0]) : Number.MAX_SAFE_INTEGER;
    // Dead letters stay in the main database for every tier, so this reads there as the system, filtered
    // to the caller's tenant unless the caller administers the platform.
    const principal = principalOf(request);
    const everyTenant = principal.roles.includes('platform_admin');
    const rows = await platform.db.withSystem(async (tx) => {
      const result = await sql<DeadLetterRow>`
        select id, tenant_id, durable, subject, event_id, event->>'type' as event_type, deliveries, error, dead_at
        from platform.dead_letters where id < ${after} ${everyTenant ? sql`` : sql`and tenant_id = ${principal.tenantId}`}
        order by id desc limit ${limit + 1}`.execute(tx);
      return result.rows;
    });
    return toPage(rows, limit, (row) => [row.id], presentDeadLetter);
  });

  app.delete('/api/v1/admin/dead-letters/:id', {
    config: { permission: KernelPermissions.manageDeadLetters },
    schema: { tags: ['admin'], summary: 'Discard a dead letter', params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }), response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const deleted = await platform.db.withSystem((tx) =>
      sql`delete from platform.dead_letters where id = ${request.params.id}`.execute(tx));
    if (!deleted.numAffectedRows) throw new AppError('not_found', 'DEAD_LETTER.NOT_FOUND', `No dead letter ${request.params.id}`);
    return reply.code(204).send(null);
  });
}

function presentDeadLetter(row: DeadLetterRow) {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    durable: row.durable,
    subject: row.subject,
    eventId: row.event_id,
    eventType: row.event_type,
    deliveries: row.deliveries,
    error: row.error,
    deadAt: row.dead_at.toISOString(),
  };
}
