import type { Tx } from '@tessera/platform';
import type { NotifyDatabase } from './notify.table.js';

/** The stored key named `id`, created as `fresh` by the first process that asks (a system read). */
export async function storedSigningKey(tx: Tx<NotifyDatabase>, id: string, fresh: string): Promise<string> {
  await tx.insertInto('notify.signing_keys').values({ id, key: fresh }).onConflict((oc) => oc.column('id').doNothing()).execute();
  const row = await tx.selectFrom('notify.signing_keys').select('key').where('id', '=', id).executeTakeFirstOrThrow();
  return row.key;
}
