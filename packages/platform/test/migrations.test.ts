import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MigrationChecksumError } from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { notesMigrations } from './fixtures/notes.js';

describe('migrations', () => {
  let db: TestDatabase | undefined;
  const folders: string[] = [];

  afterEach(async () => {
    await db?.drop();
    db = undefined;
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  function copyOfNotesMigrations(): string {
    const folder = mkdtempSync(join(tmpdir(), 'tessera-migrations-'));
    folders.push(folder);
    cpSync(notesMigrations.directory, folder, { recursive: true });
    return folder;
  }

  it('applies the kernel and a service on an empty database, recording each file', async () => {
    db = await createTestDatabase([], { empty: true });
    const applied = await migrate(db, [notesMigrations]);
    expect(applied.map((m) => `${m.schema}/${m.name}`)).toContain('kernel_test/0001_notes.sql');
    const { rows } = await db.withSystem((tx) =>
      sql<{ schema_name: string; version: string }>`select schema_name, version from platform.schema_migrations order by 1, 2`.execute(tx));
    expect(rows).toEqual(expect.arrayContaining([{ schema_name: 'kernel_test', version: '0001' }, { schema_name: 'platform', version: '0001' }]));
    await db.withTenant('11111111-1111-4111-8111-111111111111', (tx) =>
      sql`insert into kernel_test.notes (tenant_id, body) values ('11111111-1111-4111-8111-111111111111', 'hi')`.execute(tx));
  });

  it('is idempotent: a second run applies nothing and keeps the data', async () => {
    db = await createTestDatabase([notesMigrations], { empty: true });
    await db.withSystem((tx) => sql`insert into kernel_test.notes (tenant_id, body) values (gen_random_uuid(), 'kept')`.execute(tx));
    expect(await migrate(db, [notesMigrations])).toEqual([]);
    expect(await migrate(db, [notesMigrations])).toEqual([]);
    const { rows } = await db.withSystem((tx) => sql<{ n: number }>`select count(*)::int as n from kernel_test.notes`.execute(tx));
    expect(rows[0]?.n).toBe(1);
  });

  it('refuses to run when an applied migration was edited, naming the file', async () => {
    const directory = copyOfNotesMigrations();
    const source = { schema: 'kernel_test', directory };
    db = await createTestDatabase([source], { empty: true });
    writeFileSync(join(directory, '0001_notes.sql'), '-- edited\ncreate table notes (id int);\n');
    await expect(migrate(db, [source])).rejects.toThrow(MigrationChecksumError);
    await expect(migrate(db, [source])).rejects.toThrow(/kernel_test\/0001_notes\.sql was edited/);
  });

  it('applies a new migration added after the first run, in order', async () => {
    const directory = copyOfNotesMigrations();
    const source = { schema: 'kernel_test', directory };
    db = await createTestDatabase([source], { empty: true });
    writeFileSync(join(directory, '0002_note_title.sql'), 'alter table notes add column title text;\n');
    const applied = await migrate(db, [source]);
    expect(applied.map((m) => m.name)).toEqual(['0002_note_title.sql']);
    await db.withSystem((tx) => sql`insert into kernel_test.notes (tenant_id, body, title) values (gen_random_uuid(), 'b', 't')`.execute(tx));
  });

  it('rolls back a failing migration entirely and says which file failed', async () => {
    const directory = copyOfNotesMigrations();
    const source = { schema: 'kernel_test', directory };
    db = await createTestDatabase([source], { empty: true });
    writeFileSync(join(directory, '0002_broken.sql'), 'create table half_done (id int);\nselect no_such_function();\n');
    await expect(migrate(db, [source])).rejects.toThrow(/kernel_test\/0002_broken\.sql failed/);
    const { rows } = await db.withSystem((tx) =>
      sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`.execute(tx));
    expect(rows[0]?.n).toBe(0);
  });

  it('refuses badly named migration files', async () => {
    const directory = copyOfNotesMigrations();
    writeFileSync(join(directory, 'notes-extra.sql'), 'select 1;\n');
    db = await createTestDatabase([], { empty: true });
    await expect(migrate(db, [{ schema: 'kernel_test', directory }])).rejects.toThrow(/must be named NNNN_name\.sql/);
  });

  it('lets concurrent migrators queue on the lock instead of racing', async () => {
    db = await createTestDatabase([], { empty: true });
    const results = await Promise.all([migrate(db, [notesMigrations]), migrate(db, [notesMigrations])]);
    expect(results.map((r) => r.length).sort()).toEqual([0, 1]);
  });
});
