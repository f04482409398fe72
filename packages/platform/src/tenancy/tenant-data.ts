import { sql } from 'kysely';
import type { Database, Tx } from '../db/database.js';

/** A tenant-owned table: it has `tenant_id` and row-level security (every service's tables qualify). */
interface OwnedTable {
  schema: string;
  table: string;
}

// Kernel bookkeeping (outbox, inbox, idempotency keys) is not the tenant's data.
const KERNEL_SCHEMA = 'platform';
const MAX_ERASE_PASSES = 10;

/**
 * Every row a tenant owns, by `schema.table`. Found generically — any table with `tenant_id` under RLS —
 * and read as the tenant under RLS, so a service added later is exported without code of its own.
 */
export async function exportTenantData(db: Database, tenantId: string): Promise<Record<string, unknown[]>> {
  return db.withTenant(tenantId, async (tx) => {
    const result: Record<string, unknown[]> = {};
    for (const owned of await ownedTables(tx)) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(`${owned.schema}.${owned.table}`)}`.execute(tx);
      result[`${owned.schema}.${owned.table}`] = rows;
    }
    return result;
  });
}

/**
 * Deletes every row a tenant owns, in one transaction. Tables are emptied in passes so that rows others
 * reference by foreign key go after them; a pass that fails on a reference is retried after the rest.
 */
export async function eraseTenantData(db: Database, tenantId: string): Promise<number> {
  return db.withTenant(tenantId, async (tx) => {
    let pending = await ownedTables(tx);
    let deleted = 0;
    for (let pass = 0; pending.length > 0 && pass < MAX_ERASE_PASSES; pass++) {
      const blocked: OwnedTable[] = [];
      for (const owned of pending) {
        const outcome = await deleteInSavepoint(tx, owned);
        if (outcome === 'blocked') blocked.push(owned);
        else deleted += outcome;
      }
      pending = blocked;
    }
    if (pending.length > 0) throw new Error(`Could not erase ${pending.map((t) => `${t.schema}.${t.table}`).join(', ')}: references remain`);
    return deleted;
  });
}

async function ownedTables(tx: Tx): Promise<OwnedTable[]> {
  const { rows } = await sql<OwnedTable>`
    select n.nspname as schema, c.relname as table
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where c.relkind = 'r' and c.relrowsecurity and n.nspname <> ${KERNEL_SCHEMA}
      and has_table_privilege(c.oid, 'select')
    order by n.nspname, c.relname`.execute(tx);
  return rows;
}

async function deleteInSavepoint(tx: Tx, owned: OwnedTable): Promise<number | 'blocked'> {
  await sql`savepoint erase_table`.execute(tx);
  try {
    const result = await sql`delete from ${sql.table(`${owned.schema}.${owned.table}`)}`.execute(tx);
    await sql`release savepoint erase_table`.execute(tx);
    return Number(result.numAffectedRows ?? 0);
  } catch (error) {
    await sql`rollback to savepoint erase_table`.execute(tx);
    if ((error as { code?: string }).code === '23503') return 'blocked';
    throw error;
  }
}
