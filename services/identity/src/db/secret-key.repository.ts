import { sql } from 'kysely';
import type { Tx } from '@tessera/platform';

/**
 * The stored key named `id`, created as `candidate` if there is none yet. Concurrent first starts of several
 * processes agree: the first insert wins and every process reads the winner back.
 */
export async function storedSecretKey(tx: Tx<unknown>, id: string, candidate: string): Promise<string> {
  await sql`insert into identity.secret_keys (id, key) values (${id}, ${candidate}) on conflict (id) do nothing`.execute(tx);
  const { rows } = await sql<{ key: string }>`select key from identity.secret_keys where id = ${id}`.execute(tx);
  const stored = rows[0]?.key;
  if (!stored) throw new Error(`secret key ${id} could not be stored`);
  return stored;
}
