import { LRUCache } from 'lru-cache';
import { sql } from 'kysely';
import type { CacheGenerations } from '../cache/generations.js';
import type { Database } from '../db/database.js';

export type TenantTier = 'standard' | 'enterprise';
export type TenantStatus = 'provisioning' | 'active' | 'suspended' | 'deleted';

/** A tenant as every process needs to know it: whether it may act, and where its data lives. */
export interface RegisteredTenant {
  id: string;
  slug: string;
  tier: TenantTier;
  status: TenantStatus;
  databaseName: string | null;
}

interface TenantRow {
  id: string;
  slug: string;
  tier: TenantTier;
  status: TenantStatus;
  database_name: string | null;
}

// Suspension reaches every process within this time; the process that changes a tenant sees it at once.
const CACHE_TTL_MS = 5_000;
const MISSING = 'missing' as const;
const TENANTS_GENERATION = 'platform:tenants';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tenant registry (`platform.tenants`), read on every authenticated request and therefore cached
 * briefly per process. Unknown tenants are cached too, so a flood of forged tenant ids costs no queries.
 */
export class TenantRegistry {
  private readonly byId = new LRUCache<string, RegisteredTenant | typeof MISSING>({ max: 50_000, ttl: CACHE_TTL_MS, allowStale: false });
  private readonly idBySlug = new LRUCache<string, string | typeof MISSING>({ max: 50_000, ttl: CACHE_TTL_MS });
  /** The last state read of each tenant, without expiry: used only while the database cannot be reached. */
  private readonly lastKnown = new LRUCache<string, RegisteredTenant>({ max: 50_000 });

  constructor(private readonly db: Database, private readonly generations: CacheGenerations) {}

  /**
   * Changes whenever any tenant is added or changes status, in every process at once: caches of
   * cross-tenant answers (the public catalog) key their entries by it.
   */
  async generation(): Promise<string> {
    return this.generations.current(TENANTS_GENERATION);
  }

  async get(id: string): Promise<RegisteredTenant | undefined> {
    if (!UUID.test(id)) return undefined;
    const cached = this.byId.get(id);
    if (cached !== undefined) return cached === MISSING ? undefined : cached;
    const tenant = await this.load(sql`id = ${id}::uuid`).catch((error: unknown) => {
      // While the database is unreachable, what was last read stands (exams keep running on cached state);
      // a tenant never seen is an error as before.
      const known = this.lastKnown.get(id);
      if (known === undefined) throw error;
      return known;
    });
    this.byId.set(id, tenant ?? MISSING);
    if (tenant) this.lastKnown.set(id, tenant);
    return tenant;
  }

  async bySlug(slug: string): Promise<RegisteredTenant | undefined> {
    const id = this.idBySlug.get(slug);
    if (id !== undefined) return id === MISSING ? undefined : this.get(id);
    const tenant = await this.load(sql`slug = ${slug}`);
    this.idBySlug.set(slug, tenant?.id ?? MISSING);
    if (tenant) this.byId.set(tenant.id, tenant);
    return tenant;
  }

  /** Adds a tenant (or changes it, by id). */
  async save(tenant: RegisteredTenant): Promise<void> {
    await this.db.withSystem((tx) => sql`
      insert into platform.tenants (id, slug, tier, status, database_name)
      values (${tenant.id}, ${tenant.slug}, ${tenant.tier}, ${tenant.status}, ${tenant.databaseName})
      on conflict (id) do update set slug = excluded.slug, tier = excluded.tier, status = excluded.status,
        database_name = excluded.database_name, updated_at = now()`.execute(tx));
    await this.forget(tenant);
  }

  async setStatus(id: string, status: TenantStatus): Promise<void> {
    const tenant = await this.get(id);
    await this.db.withSystem((tx) => sql`update platform.tenants set status = ${status}, updated_at = now() where id = ${id}`.execute(tx));
    if (tenant) await this.forget(tenant);
  }

  /** Every tenant with a database of its own (the relay publishes their outboxes too). */
  async dedicated(): Promise<RegisteredTenant[]> {
    return this.db.withSystem(async (tx) => {
      const { rows } = await sql<TenantRow>`
        select id, slug, tier, status, database_name from platform.tenants
        where database_name is not null and status <> 'deleted'`.execute(tx);
      return rows.map(toTenant);
    });
  }

  private async forget(tenant: { id: string; slug: string }): Promise<void> {
    this.byId.delete(tenant.id);
    this.idBySlug.delete(tenant.slug);
    this.lastKnown.delete(tenant.id);
    await this.generations.advance(TENANTS_GENERATION);
  }

  private async load(where: ReturnType<typeof sql>): Promise<RegisteredTenant | undefined> {
    return this.db.withSystem(async (tx) => {
      const { rows } = await sql<TenantRow>`
        select id, slug, tier, status, database_name from platform.tenants where ${where}`.execute(tx);
      return rows[0] ? toTenant(rows[0]) : undefined;
    });
  }
}

function toTenant(row: TenantRow): RegisteredTenant {
  return { id: row.id, slug: row.slug, tier: row.tier, status: row.status, databaseName: row.database_name };
}
