import pg from 'pg';
import { Database } from '../db/database.js';
import { migrate, type MigrationSource } from '../db/migrations.js';
import type { TenantRegistry } from './tenant-registry.js';

export interface TenantDatabasesOptions {
  /** The main PostgreSQL URL; dedicated databases are created on the same server. Absent: embedded. */
  url: string | undefined;
  /** The main embedded data folder (`memory://` keeps dedicated ones in memory too). */
  dataDir: string;
  poolSize: number;
}

/**
 * Where each tenant's data lives: the shared database for standard tenants, a database of its own for
 * enterprise tenants (named in the registry). Dedicated databases are created and migrated on
 * provisioning and migrated again when a process first opens them, so a new release reaches them too.
 */
export class TenantDatabases {
  private readonly opened = new Map<string, Promise<Database>>();
  private readonly openListeners = new Set<(db: Database) => void>();
  /** The migrations every tenant database carries; set by whoever composes the services. */
  sources: MigrationSource[] = [];

  constructor(
    private readonly main: Database,
    private readonly registry: TenantRegistry,
    private readonly options: TenantDatabasesOptions,
  ) {}

  /** The database holding `tenantId`'s data. */
  async of(tenantId: string): Promise<Database> {
    const tenant = await this.registry.get(tenantId);
    return tenant?.databaseName ? this.open(tenant.databaseName) : this.main;
  }

  /** Creates and migrates a database for a tenant; returns its name for the registry. */
  async provision(tenantId: string): Promise<string> {
    const name = this.nameFor(tenantId);
    if (this.options.url) await this.admin((client) => client.query(`create database ${name}`));
    await this.open(name);
    return name;
  }

  /** Closes and removes a dedicated database (its tenant's data goes with it). */
  async destroy(name: string): Promise<void> {
    const pending = this.opened.get(name);
    this.opened.delete(name);
    await (await pending?.catch(() => undefined))?.close();
    if (this.options.url) await this.admin((client) => client.query(`drop database if exists ${assertOwnName(name, this.mainName())} with (force)`));
  }

  /** Opens every dedicated database in the registry (relays must publish their outboxes). */
  async openAll(): Promise<Database[]> {
    const tenants = await this.registry.dedicated();
    return Promise.all(tenants.flatMap((t) => (t.databaseName ? [this.open(t.databaseName)] : [])));
  }

  /** Calls `listener` for every dedicated database this process opens, now and later. */
  onOpened(listener: (db: Database) => void): void {
    this.openListeners.add(listener);
    for (const pending of this.opened.values()) void pending.then(listener, () => undefined);
  }

  async close(): Promise<void> {
    const all = [...this.opened.values()];
    this.opened.clear();
    await Promise.all(all.map(async (pending) => (await pending.catch(() => undefined))?.close()));
  }

  private open(name: string): Promise<Database> {
    let pending = this.opened.get(name);
    if (!pending) {
      pending = this.connect(name);
      this.opened.set(name, pending);
      pending.then((db) => this.openListeners.forEach((listener) => listener(db)), () => this.opened.delete(name));
    }
    return pending;
  }

  private async connect(name: string): Promise<Database> {
    const db = this.options.url
      ? await Database.open({ url: withDatabase(this.options.url, name), poolSize: this.options.poolSize })
      : await Database.open({ dataDir: this.options.dataDir.startsWith('memory://') ? `memory://${name}` : `${this.options.dataDir}/tenants/${name}` });
    try {
      await migrate(db, this.sources);
    } catch (error) {
      await db.close();
      throw error;
    }
    return db;
  }

  private nameFor(tenantId: string): string {
    return `${this.mainName()}_t_${tenantId.replaceAll('-', '')}`;
  }

  private mainName(): string {
    return this.options.url ? new URL(this.options.url).pathname.slice(1) || 'postgres' : 'tessera';
  }

  private async admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.options.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}

function withDatabase(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** Only databases this deployment named for its tenants may be dropped. */
function assertOwnName(name: string, main: string): string {
  if (!new RegExp(`^${main}_t_[0-9a-f]{32}$`).test(name)) throw new Error(`Refusing to drop "${name}": not a tenant database of ${main}`);
  return name;
}

