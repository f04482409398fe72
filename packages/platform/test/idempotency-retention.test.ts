import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pruneIdempotencyKeys } from '../src/index.js';
import { createTestPlatform, type TestPlatform } from '../src/testing/index.js';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(async () => {
  await platform.cleanup();
});

it('forgets stored responses (which may hold secrets shown once) after the retention, and keeps recent ones', async () => {
  const tenantId = randomUUID();
  const insert = (key: string, age: string) => platform.db.withSystem((tx) => sql`
    insert into platform.idempotency_keys (tenant_id, principal, key, route, request_hash, status, response_status, response_body, locked_until, created_at)
    values (${tenantId}, 'someone', ${key}, 'POST /x', 'h', 'completed', 201, '{"key":"secret"}', now(), now() - ${age}::interval)`.execute(tx));
  await insert('old', '25 hours');
  await insert('recent', '1 hour');
  expect(await pruneIdempotencyKeys(platform.db)).toBe(1);
  const { rows } = await platform.db.withSystem((tx) => sql<{ key: string }>`select key from platform.idempotency_keys where tenant_id = ${tenantId}`.execute(tx));
  expect(rows.map((row) => row.key)).toEqual(['recent']);
});
