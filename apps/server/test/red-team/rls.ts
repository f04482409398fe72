import { APP_ROLE, type Database, type Tx } from '@tessera/platform';
import { sql } from 'kysely';

/** A table that holds tenants' rows, found in the catalog. */
export interface TenantTable {
  schema: string;
  table: string;
  /** The column naming the tenant: `tenant_id`, or `id` for the tenants tables themselves. */
  key: string | undefined;
  rls: boolean;
  forced: boolean;
  owner: string;
  appCanSelect: boolean;
}

/** What the database-layer checks found. */
export interface RlsReport {
  tables: TenantTable[];
  /** Tables in which tenant A has rows (the checks on them are not vacuous). */
  tablesWithRowsOfA: string[];
  violations: string[];
}

interface CatalogRow {
  schema: string;
  table: string;
  has_tenant_id: boolean;
  keyed_by_id: boolean;
  rls: boolean;
  forced: boolean;
  owner: string;
  app_can_select: boolean;
}

const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Every table with a `tenant_id` column, plus every table under RLS whose policy compares `id` with the
 * current tenant (the tenants tables). Enterprise tenants' own databases are not scanned: this is the main one.
 */
export async function tenantTables(db: Database): Promise<TenantTable[]> {
  const { rows } = await sql<CatalogRow>`
    select n.nspname as schema, c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
      pg_get_userbyid(c.relowner) as owner,
      has_table_privilege(${APP_ROLE}, c.oid, 'select') as app_can_select,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as has_tenant_id,
      exists (select 1 from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname
        and regexp_replace(coalesce(p.qual, ''), '[[:space:]]', '', 'g') like '%(id=platform.current_tenant())%') as keyed_by_id
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
    order by n.nspname, c.relname`.execute(db.system);
  return rows
    .filter((row) => row.has_tenant_id || (row.rls && row.keyed_by_id))
    .map((row) => ({
      schema: row.schema, table: row.table, key: row.has_tenant_id ? 'tenant_id' : 'id',
      rls: row.rls, forced: row.forced, owner: row.owner, appCanSelect: row.app_can_select,
    }));
}

/**
 * The database layer on its own: every tenant table has RLS, the application role can neither bypass nor
 * own it (which is why the policies need not be forced: only the owner skips them, and it serves no tenant
 * request), and as that role, with no tenant or with tenant B set, none of A's rows can be read, changed or deleted.
 */
export async function checkRowLevelSecurity(db: Database, tenantA: string, tenantB: string): Promise<RlsReport> {
  const tables = await tenantTables(db);
  const violations: string[] = [...await checkAppRole(db)];
  const tablesWithRowsOfA: string[] = [];
  for (const table of tables) {
    const name = `${table.schema}.${table.table}`;
    if (!table.rls) violations.push(`${name} has ${table.key} but row-level security is off`);
    if (table.owner === APP_ROLE) violations.push(`${name} is owned by ${APP_ROLE}, so its policies do not apply to it`);
    const rowsOfA = await db.withSystem((tx) => countRows(tx, table, tenantA));
    if (rowsOfA > 0) tablesWithRowsOfA.push(name);
    violations.push(...(await checkVisibility(db, table, tenantA, tenantB, rowsOfA)).map((problem) => `${name}: ${problem}`));
  }
  return { tables, tablesWithRowsOfA, violations };
}

async function checkAppRole(db: Database): Promise<string[]> {
  const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
    select rolsuper, rolbypassrls from pg_roles where rolname = ${APP_ROLE}`.execute(db.system);
  const role = rows[0];
  if (!role) return [`the role ${APP_ROLE} does not exist`];
  return [
    ...(role.rolsuper ? [`${APP_ROLE} is a superuser`] : []),
    ...(role.rolbypassrls ? [`${APP_ROLE} has BYPASSRLS`] : []),
  ];
}

async function checkVisibility(db: Database, table: TenantTable, tenantA: string, tenantB: string, rowsOfA: number): Promise<string[]> {
  const problems: string[] = [];
  const seenWithoutTenant = await asApp(db, null, (tx) => countRows(tx, table));
  if (seenWithoutTenant > 0) problems.push(`${seenWithoutTenant} rows visible with no tenant set`);
  const seenByB = await asApp(db, tenantB, (tx) => countRows(tx, table, tenantA));
  if (seenByB > 0) problems.push(`${seenByB} of A's rows visible to tenant B`);
  const changedByB = await asAppRolledBack(db, tenantB, (tx) => writeRows(tx, table, tenantA, 'update'));
  if (changedByB > 0) problems.push(`tenant B could update ${changedByB} of A's rows`);
  const deletedByB = await asAppRolledBack(db, tenantB, (tx) => writeRows(tx, table, tenantA, 'delete'));
  if (deletedByB > 0) problems.push(`tenant B could delete ${deletedByB} of A's rows`);
  // Not vacuous: A itself sees its rows through the same role (where the role may read the table at all).
  if (table.appCanSelect) {
    const seenByA = await asApp(db, tenantA, (tx) => countRows(tx, table, tenantA));
    if (seenByA !== rowsOfA) problems.push(`tenant A sees ${seenByA} of its ${rowsOfA} rows`);
  }
  return problems;
}

function countRows(tx: Tx, table: TenantTable, tenantId?: string): Promise<number> {
  const where = tenantId ? sql`where ${sql.ref(table.key ?? 'tenant_id')} = ${tenantId}` : sql``;
  return sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${table.schema}.${table.table}`)} ${where}`
    .execute(tx).then((result) => Number(result.rows[0]?.n ?? 0));
}

async function writeRows(tx: Tx, table: TenantTable, tenantId: string, how: 'update' | 'delete'): Promise<number> {
  const target = sql.table(`${table.schema}.${table.table}`);
  const key = sql.ref(table.key ?? 'tenant_id');
  const result = how === 'update'
    ? await sql`update ${target} set ${key} = ${key} where ${key} = ${tenantId}`.execute(tx)
    : await sql`delete from ${target} where ${key} = ${tenantId}`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/** Runs `work` as the application role; a refusal for lack of privilege counts as nothing seen. */
async function asApp(db: Database, tenantId: string | null, work: (tx: Tx) => Promise<number>): Promise<number> {
  try {
    return await db.withTenant(tenantId, work);
  } catch (error) {
    if ((error as { code?: string }).code === INSUFFICIENT_PRIVILEGE) return 0;
    throw error;
  }
}

class RolledBack extends Error {
  constructor(readonly count: number) {
    super('rolled back on purpose');
  }
}

/** Like `asApp`, but always rolls the transaction back: the writes only count rows, they must not stay. */
async function asAppRolledBack(db: Database, tenantId: string, work: (tx: Tx) => Promise<number>): Promise<number> {
  try {
    return await asApp(db, tenantId, async (tx) => {
      throw new RolledBack(await work(tx));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.count;
    throw error;
  }
}
