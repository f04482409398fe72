import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
// A request that has not finished after this long is presumed dead; a retry may take its key over.
const LOCK_MS = 60_000;

interface StoredKey {
  request_hash: string;
  status: 'in_progress' | 'completed';
  response_status: number | null;
  response_body: string | null;
  response_type: string | null;
  locked: boolean;
}

interface Reservation {
  tenantId: string;
  principal: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: Reservation | undefined;
  }
}

/**
 * `Idempotency-Key` on routes with `config.idempotent`: the first request reserves the key; its response
 * (anything but a 5xx) is stored and replayed to retries with the same body. The same key with another
 * body or route is refused with 422; a retry while the first is still running gets 409.
 */
export function installIdempotency(app: FastifyInstance, db: Database): void {
  app.decorateRequest('idempotency', undefined);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (!request.routeOptions.config.idempotent || key === undefined || !request.principal) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new AppError('invalid', 'IDEMPOTENCY.INVALID_KEY', 'Idempotency-Key must be 1–255 visible ASCII characters', {
        errors: [{ pointer: '/headers/idempotency-key', detail: 'must be 1-255 visible ASCII characters' }],
      });
    }
    const reservation = { tenantId: request.principal.tenantId, principal: request.principal.subject, key };
    const replay = await reserve(db, reservation, routeOf(request), hashRequest(request));
    if (replay) return sendStored(reply, replay);
    request.idempotency = reservation;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const reservation = request.idempotency;
    if (!reservation) return payload;
    request.idempotency = undefined;
    if (reply.statusCode >= 500) {
      await release(db, reservation);
    } else {
      await complete(db, reservation, reply.statusCode, typeof payload === 'string' ? payload : String(payload ?? ''),
        String(reply.getHeader('content-type') ?? 'application/json'));
    }
    return payload;
  });
}

function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url}`;
}

function hashRequest(request: FastifyRequest): string {
  return createHash('sha256').update(routeOf(request)).update('\n').update(request.url).update('\n')
    .update(JSON.stringify(request.body ?? null)).digest('hex');
}

/** Reserves the key, or returns the stored response to replay; throws 409/422 as described above. */
async function reserve(db: Database, r: Reservation, route: string, hash: string): Promise<StoredKey | undefined> {
  return db.withTenant(r.tenantId, async (tx) => {
    const lockedUntil = new Date(Date.now() + LOCK_MS);
    const inserted = await sql`
      insert into platform.idempotency_keys (tenant_id, principal, key, route, request_hash, status, locked_until)
      values (${r.tenantId}, ${r.principal}, ${r.key}, ${route}, ${hash}, 'in_progress', ${lockedUntil})
      on conflict do nothing returning 1 as inserted`.execute(tx);
    if (inserted.rows.length > 0) return undefined;
    const { rows } = await sql<StoredKey>`
      select request_hash, status, response_status, response_body, response_type, locked_until > now() as locked
      from platform.idempotency_keys
      where tenant_id = ${r.tenantId} and principal = ${r.principal} and key = ${r.key}
      for update`.execute(tx);
    const stored = rows[0];
    if (!stored) throw new AppError('conflict', 'IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key is in progress');
    if (stored.request_hash !== hash) {
      throw new AppError('unprocessable', 'IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was used for a different request');
    }
    if (stored.status === 'completed') return stored;
    if (stored.locked) {
      throw new AppError('conflict', 'IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key is still in progress; retry later');
    }
    await sql`update platform.idempotency_keys set locked_until = ${lockedUntil}
              where tenant_id = ${r.tenantId} and principal = ${r.principal} and key = ${r.key}`.execute(tx);
    return undefined;
  });
}

async function complete(db: Database, r: Reservation, status: number, body: string, type: string): Promise<void> {
  await db.withTenant(r.tenantId, (tx) =>
    sql`update platform.idempotency_keys
        set status = 'completed', response_status = ${status}, response_body = ${body}, response_type = ${type}
        where tenant_id = ${r.tenantId} and principal = ${r.principal} and key = ${r.key}`.execute(tx),
  );
}

async function release(db: Database, r: Reservation): Promise<void> {
  await db.withTenant(r.tenantId, (tx) =>
    sql`delete from platform.idempotency_keys
        where tenant_id = ${r.tenantId} and principal = ${r.principal} and key = ${r.key} and status = 'in_progress'`.execute(tx),
  );
}

function sendStored(reply: FastifyReply, stored: StoredKey): FastifyReply {
  return reply
    .code(stored.response_status ?? 200)
    .header('idempotent-replayed', 'true')
    .type(stored.response_type ?? 'application/json')
    .send(stored.response_body ?? '');
}

/** How long a completed request is kept for replay; afterwards the key may be used again. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3600_000;

/**
 * Forgets idempotency records older than the retention: stored responses can hold secrets shown once (a new
 * API key), which must not stay in the database for ever. Returns how many were removed.
 */
export async function pruneIdempotencyKeys(db: Database, retentionMs = IDEMPOTENCY_RETENTION_MS): Promise<number> {
  const before = new Date(Date.now() - retentionMs);
  const result = await db.withSystem((tx) => sql`delete from platform.idempotency_keys where created_at < ${before}`.execute(tx));
  return Number(result.numAffectedRows ?? 0);
}
