import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { APP_ROLE, type Database, type Tx } from './database.js';

/** A service's migrations: plain `NNNN_name.sql` files applied in order inside the service's own schema. */
export interface MigrationSource {
  /** The service name, which is also its PostgreSQL schema. */
  schema: string;
  /** Folder holding the SQL files. */
  directory: string;
}

export interface MigrationFile {
  schema: string;
  version: string;
  name: string;
  checksum: string;
  sql: string;
}

interface AppliedRow {
  schema_name: string;
  version: string;
  name: string;
  checksum: string;
}

/** Thrown when an applied migration's file no longer matches what was applied. */
export class MigrationChecksumError extends Error {
  constructor(file: MigrationFile, applied: string) {
    super(
      `Migration ${file.schema}/${file.name} was edited after it was applied ` +
        `(applied checksum ${applied.slice(0, 12)}, file ${file.checksum.slice(0, 12)}); add a new migration instead`,
    );
    this.name = 'MigrationChecksumError';
  }
}

/** The kernel's own migrations; always applied first. */
export const kernelMigrations: MigrationSource = {
  schema: 'platform',
  directory: fileURLToPath(new URL('./migrations', import.meta.url)),
};

const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;
// An arbitrary constant shared by every process, so concurrent migrators queue instead of racing.
const MIGRATION_LOCK = 72_511_093;

/** Reads and checksums a source's migration files in version order. */
export function readMigrations(source: MigrationSource): MigrationFile[] {
  return readdirSync(source.directory)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => {
      const match = FILE_NAME.exec(name);
      if (!match?.[1]) throw new Error(`Migration file ${source.schema}/${name} must be named NNNN_name.sql`);
      const text = readFileSync(join(source.directory, name), 'utf8');
      return {
        schema: source.schema,
        version: match[1],
        name,
        checksum: createHash('sha256').update(text).digest('hex'),
        sql: text,
      };
    });
}

/**
 * Applies every pending migration of the kernel and `sources`, in one transaction under an advisory lock.
 * Refuses to run when an applied migration's file changed. Returns the files it applied.
 */
export async function migrate(db: Database, sources: MigrationSource[]): Promise<MigrationFile[]> {
  const all = [kernelMigrations, ...sources.filter((s) => s.schema !== kernelMigrations.schema)];
  return db.withSystem(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    await bootstrap(tx);
    const applied = await appliedMigrations(tx);
    const files = all.flatMap(readMigrations);
    for (const file of files) {
      const previous = applied.get(`${file.schema}/${file.version}`);
      if (previous && previous.checksum !== file.checksum) throw new MigrationChecksumError(file, previous.checksum);
    }
    const pending = files.filter((file) => !applied.has(`${file.schema}/${file.version}`));
    for (const file of pending) await applyMigration(tx, file);
    for (const source of all) await grantSchemaUsage(tx, source.schema);
    return pending;
  });
}

async function bootstrap(tx: Tx): Promise<void> {
  await sql
    .raw(
      `do $$
       begin
         if not exists (select from pg_roles where rolname = '${APP_ROLE}') then
           create role ${APP_ROLE} nologin nobypassrls;
         end if;
       exception when duplicate_object or unique_violation then null;
       end $$;
       do $$
       begin
         if not (select rolsuper from pg_roles where rolname = current_user)
            and not pg_has_role(current_user, '${APP_ROLE}', 'member') then
           execute format('grant ${APP_ROLE} to %I', current_user);
         end if;
       end $$;
       create schema if not exists platform;
       create table if not exists platform.schema_migrations (
         schema_name text not null,
         version     text not null,
         name        text not null,
         checksum    text not null,
         applied_at  timestamptz not null default now(),
         primary key (schema_name, version)
       );`,
    )
    .execute(tx);
}

async function appliedMigrations(tx: Tx): Promise<Map<string, AppliedRow>> {
  const { rows } = await sql<AppliedRow>`
    select schema_name, version, name, checksum from platform.schema_migrations`.execute(tx);
  return new Map(rows.map((row) => [`${row.schema_name}/${row.version}`, row]));
}

async function applyMigration(tx: Tx, file: MigrationFile): Promise<void> {
  // Unqualified names in a migration land in the service's own schema.
  const schema = quoteIdent(file.schema);
  await sql.raw(`create schema if not exists ${schema}; set local search_path to ${schema}, public`).execute(tx);
  try {
    await sql.raw(file.sql).execute(tx);
  } catch (error) {
    throw new Error(`Migration ${file.schema}/${file.name} failed: ${(error as Error).message}`, { cause: error });
  }
  await sql`
    insert into platform.schema_migrations (schema_name, version, name, checksum)
    values (${file.schema}, ${file.version}, ${file.name}, ${file.checksum})`.execute(tx);
}

async function grantSchemaUsage(tx: Tx, schema: string): Promise<void> {
  const name = quoteIdent(schema);
  await sql
    .raw(
      `create schema if not exists ${name};
       grant usage on schema ${name} to ${APP_ROLE};
       grant usage, select on all sequences in schema ${name} to ${APP_ROLE};`,
    )
    .execute(tx);
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`"${name}" is not a valid schema name`);
  return `"${name}"`;
}
