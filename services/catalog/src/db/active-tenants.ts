import { sql, type RawBuilder } from 'kysely';

/**
 * Whether the tenant in `column` is active in the kernel's tenant registry (`platform.tenants`, in the main
 * database). The public catalog reads across tenants as the system and must leave out suspended and deleted
 * ones; read in the same statement, so a suspension shows at once and costs no extra round trip.
 */
export function tenantIsActive(column: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from platform.tenants t where t.id = ${sql.ref(column)} and t.status = 'active')`;
}
