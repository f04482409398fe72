import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { AppError } from '../errors.js';
import { lockDataDir } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';

/** The role every tenant unit of work runs as: no BYPASSRLS, not a table owner, so RLS always applies. */
export const APP_ROLE = 'tessera_app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT8_OID = 20;

/** A Kysely transaction over a database whose tables are described by `DB`. */
export type Tx<DB = unknown> = Transaction<DB>;

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** Folder for the embedded database; `memory://` keeps it in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number | undefined;
  /** A PGlite data folder dump to start from (a migrated template), instead of an empty database. */
  loadDataDir?: Blob | undefined;
}

/** The kernel's database: PostgreSQL through a pool, or PGlite in-process; same SQL, same semantics. */
export class Database {
  private readonly committedListeners = new Set<() => void>();
  private readonly txWithEvents = new WeakSet<Tx<unknown>>();
  private tenantRouter: ((tenantId: string) => Promise<Database>) | undefined;

  private constructor(
    readonly kind: 'postgres' | 'pglite',
    /** Owner-level access: migrations and kernel jobs only. Tenant work goes through `withTenant`. */
    readonly system: Kysely<unknown>,
    private readonly closeDriver: () => Promise<void>,
    private readonly pglite?: PGlite,
  ) {}

  static async open(options: DatabaseOptions): Promise<Database> {
    if (options.url) return Database.openPostgres(options.url, options.poolSize ?? 10);
    return Database.openPGlite(options.dataDir ?? 'memory://', options.loadDataDir);
  }

  private static async openPostgres(url: string, poolSize: number): Promise<Database> {
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      types: { getTypeParser: pgTypeParser },
    });
    // An idle pooled connection that the server closes (restart, failover, terminated backend) is an
    // 'error' event; unhandled it would crash the process. The pool drops that client and the next query
    // opens a fresh one, so there is nothing else to do; readiness reports a database that stays down.
    pool.on('error', () => undefined);
    // A checked-out connection (inside a transaction, between two statements) the server drops emits 'error'
    // on the client itself, which the pool does not listen to: unhandled, it would crash the process. The
    // statement in flight fails on its own (and maps to 503), so the event needs no other handling.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    const database = new Database('postgres', kysely, () => kysely.destroy());
    await database.ping();
    return database;
  }

  private static async openPGlite(dataDir: string, loadDataDir: Blob | undefined): Promise<Database> {
    const inMemory = dataDir.startsWith('memory://');
    if (!inMemory) mkdirSync(dataDir, { recursive: true });
    const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
    try {
      const pglite = await PGlite.create(dataDir, { parsers: { [INT8_OID]: (value: string) => Number(value) }, loadDataDir });
      const kysely = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
      return new Database('pglite', kysely, async () => {
        await kysely.destroy();
        await pglite.close();
        unlock();
      }, pglite);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /**
   * Runs `work` in a transaction as the application role with `app.tenant_id` set, so row-level security
   * confines every statement to `tenantId`. `null` runs as the application role with no tenant at all.
   */
  async withTenant<DB, T>(tenantId: string | null, work: (tx: Tx<DB>) => Promise<T>): Promise<T> {
    if (tenantId !== null && !UUID.test(tenantId)) {
      throw new AppError('invalid', 'TENANCY.INVALID_TENANT', `Tenant id "${tenantId}" is not a UUID`);
    }
    if (tenantId !== null && this.tenantRouter) {
      const home = await this.tenantRouter(tenantId);
      if (home !== this) return home.withTenant(tenantId, work);
    }
    return this.transaction(async (tx) => {
      await sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId ?? ''}, true)`.execute(tx);
      return work(tx as unknown as Tx<DB>);
    });
  }

  /** Sends each tenant's units of work to the database that holds its data (enterprise tenants have their own). */
  routeTenants(router: (tenantId: string) => Promise<Database>): void {
    this.tenantRouter = router;
  }

  /** Runs `work` in a transaction as the owner, across tenants. Only kernel jobs and platform-admin use cases. */
  async withSystem<DB, T>(work: (tx: Tx<DB>) => Promise<T>): Promise<T> {
    return this.transaction((tx) => work(tx as unknown as Tx<DB>));
  }

  /** Runs a parameterless SQL script that may hold several statements. */
  async executeScript(script: string): Promise<void> {
    await sql.raw(script).execute(this.system);
  }

  /** A dump of an embedded database (PGlite only), loadable with `loadDataDir`. */
  async dumpDataDir(): Promise<Blob> {
    if (!this.pglite) throw new Error('Only an embedded database can be dumped');
    return this.pglite.dumpDataDir('none');
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.system);
  }

  /** Called after every commit that wrote outbox events, so the relay can publish at once instead of polling. */
  onEventsCommitted(listener: () => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  /** Records that `tx` wrote outbox events; the listeners run once it commits. */
  markEventsWritten(tx: Tx<unknown>): void {
    this.txWithEvents.add(tx);
  }

  async close(): Promise<void> {
    await this.closeDriver();
  }

  private async transaction<T>(work: (tx: Tx<unknown>) => Promise<T>): Promise<T> {
    let current: Tx<unknown> | undefined;
    const result = await this.system.transaction().execute((tx) => {
      current = tx;
      return work(tx);
    });
    if (current && this.txWithEvents.has(current)) {
      for (const listener of this.committedListeners) listener();
    }
    return result;
  }
}

function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  // Counters and sequences fit in a double; returning numbers keeps PostgreSQL and PGlite rows identical.
  if (oid === INT8_OID) return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format as 'text');
}
