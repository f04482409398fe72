import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, AppError } from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { notesMigrations, type NotesDatabase } from './fixtures/notes.js';

describe('tenancy and row-level security', () => {
  let db: TestDatabase;
  const tenantA = randomUUID();
  const tenantB = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase([notesMigrations]);
    await db.withTenant<NotesDatabase, unknown>(tenantA, (tx) =>
      tx.insertInto('kernel_test.notes').values({ tenant_id: tenantA, body: 'a1' }).execute());
    await db.withTenant<NotesDatabase, unknown>(tenantB, (tx) =>
      tx.insertInto('kernel_test.notes').values([{ tenant_id: tenantB, body: 'b1' }, { tenant_id: tenantB, body: 'b2' }]).execute());
  });
  afterAll(() => db.drop());

  const bodiesAs = (tenant: string | null) =>
    db.withTenant<NotesDatabase, string[]>(tenant, async (tx) =>
      (await tx.selectFrom('kernel_test.notes').select('body').orderBy('body').execute()).map((r) => r.body));

  it('shows a tenant only its own rows', async () => {
    expect(await bodiesAs(tenantA)).toEqual(['a1']);
    expect(await bodiesAs(tenantB)).toEqual(['b1', 'b2']);
  });

  it('refuses to insert a row for another tenant', async () => {
    await expect(db.withTenant<NotesDatabase, unknown>(tenantA, (tx) =>
      tx.insertInto('kernel_test.notes').values({ tenant_id: tenantB, body: 'sneaky' }).execute(),
    )).rejects.toThrow(/row-level security/);
    expect(await bodiesAs(tenantB)).toEqual(['b1', 'b2']);
  });

  it('cannot update or delete another tenant\'s rows, even without a tenant filter', async () => {
    const updated = await db.withTenant<NotesDatabase, unknown>(tenantA, (tx) =>
      tx.updateTable('kernel_test.notes').set({ body: 'overwritten' }).where('body', '=', 'b1').executeTakeFirst());
    expect(Number((updated as { numUpdatedRows: bigint }).numUpdatedRows)).toBe(0);
    const deleted = await db.withTenant<NotesDatabase, unknown>(tenantA, (tx) =>
      tx.deleteFrom('kernel_test.notes').where('body', 'like', 'b%').executeTakeFirst());
    expect(Number((deleted as { numDeletedRows: bigint }).numDeletedRows)).toBe(0);
    expect(await bodiesAs(tenantB)).toEqual(['b1', 'b2']);
  });

  it('cannot move its own row to another tenant', async () => {
    await expect(db.withTenant<NotesDatabase, unknown>(tenantA, (tx) =>
      tx.updateTable('kernel_test.notes').set({ tenant_id: tenantB }).where('body', '=', 'a1').execute(),
    )).rejects.toThrow(/row-level security/);
  });

  it('returns nothing to the application role when no tenant is set', async () => {
    expect(await bodiesAs(null)).toEqual([]);
  });

  it('runs tenant work as the application role, which cannot bypass RLS', async () => {
    const facts = await db.withTenant(tenantA, async (tx) => {
      const { rows } = await sql<{ role: string; bypass: boolean; superuser: boolean; tenant: string }>`
        select current_user as role, rolbypassrls as bypass, rolsuper as superuser,
               current_setting('app.tenant_id') as tenant
        from pg_roles where rolname = current_user`.execute(tx);
      return rows[0];
    });
    expect(facts).toEqual({ role: APP_ROLE, bypass: false, superuser: false, tenant: tenantA });
  });

  it('does not let tenant work switch row security off', async () => {
    await expect(db.withTenant(tenantA, (tx) => sql`set local row_security = off; select * from kernel_test.notes`.execute(tx)))
      .rejects.toThrow();
    await expect(db.withTenant(tenantA, async (tx) => {
      await sql`set local row_security = off`.execute(tx);
      return sql`select * from kernel_test.notes`.execute(tx);
    })).rejects.toThrow(/row-level security/);
  });

  it('keeps the tenant setting inside its transaction', async () => {
    await db.withTenant(tenantA, async () => undefined);
    const { rows } = await sql<{ tenant: string | null; role: string }>`
      select current_setting('app.tenant_id', true) as tenant, current_user as role`.execute(db.system);
    expect(rows[0]?.tenant ?? '').toBe('');
    expect(rows[0]?.role).not.toBe(APP_ROLE);
  });

  it('rejects a tenant id that is not a UUID before touching the database', async () => {
    await expect(db.withTenant("x' or 1=1 --", async () => undefined)).rejects.toBeInstanceOf(AppError);
  });

  it('declares RLS on every kernel table that holds tenant data', async () => {
    const { rows } = await db.withSystem((tx) => sql<{ table: string; rls: boolean }>`
      select c.relnamespace::regnamespace || '.' || c.relname as table, c.relrowsecurity as rls
      from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
      where c.relkind = 'r' and c.relnamespace::regnamespace::text not in ('pg_catalog', 'information_schema')
      order by 1`.execute(tx));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.filter((row) => !row.rls)).toEqual([]);
  });
});
