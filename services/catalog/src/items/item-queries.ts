import { AppError, type Database } from '@tessera/platform';
import { itemNotFound } from './item-commands.js';
import type { Item, ItemVersion } from './item-types.js';
import { findItem, findItemDrafts, findItemVersion, listItemDrafts, listPublishedItems, versionPublishedAsOf, type ItemCursor, type ItemFilter } from './item.repository.js';
import type { ItemsDatabase } from './item.table.js';

/** A draft with its answers (authors). */
export async function getItemDraft(db: Database, tenantId: string, id: string): Promise<Item> {
  const item = await db.withTenant<ItemsDatabase, Item | undefined>(tenantId, (tx) => findItem(tx, tenantId, id));
  if (!item) throw itemNotFound(id);
  return item;
}

/** The latest published version of an item; an item never published does not exist for students. */
export async function getLatestPublished(db: Database, tenantId: string, id: string): Promise<ItemVersion> {
  const version = await db.withTenant<ItemsDatabase, ItemVersion | undefined>(tenantId, async (tx) => {
    const item = await findItem(tx, tenantId, id);
    return item?.publishedVersion ? findItemVersion(tx, tenantId, id, item.publishedVersion) : undefined;
  });
  if (!version) throw itemNotFound(id);
  return version;
}

/** One frozen version. */
export async function getItemVersion(db: Database, tenantId: string, id: string, number: number): Promise<ItemVersion> {
  const version = await db.withTenant<ItemsDatabase, ItemVersion | undefined>(tenantId, (tx) => findItemVersion(tx, tenantId, id, number));
  if (!version) throw new AppError('not_found', 'ITEMS.VERSION_NOT_FOUND', `Item ${id} has no published version ${number}`);
  return version;
}

/**
 * The version of an item a published course version shows: the one frozen with it, or, for a course
 * version written before items were frozen with their courses, the one published latest by then.
 */
export async function getFrozenVersion(db: Database, tenantId: string, id: string, frozen: { version?: number | undefined; asOf: string }): Promise<ItemVersion> {
  const version = await db.withTenant<ItemsDatabase, ItemVersion | undefined>(tenantId, async (tx) => {
    const number = frozen.version ?? (await versionPublishedAsOf(tx, tenantId, id, new Date(frozen.asOf)));
    return number === undefined ? undefined : findItemVersion(tx, tenantId, id, number);
  });
  if (!version) throw itemNotFound(id);
  return version;
}

/** A page of drafts (one extra row tells whether more follow). */
export async function listDraftsPage(db: Database, tenantId: string, filter: ItemFilter, limit: number, after?: ItemCursor): Promise<Item[]> {
  return db.withTenant<ItemsDatabase, Item[]>(tenantId, (tx) => listItemDrafts(tx, tenantId, filter, limit + 1, after));
}

/** A page of latest published versions (one extra row tells whether more follow). */
export async function listPublishedPage(db: Database, tenantId: string, filter: ItemFilter, limit: number, after?: ItemCursor): Promise<Array<ItemVersion & { createdAt: string }>> {
  return db.withTenant<ItemsDatabase, Array<ItemVersion & { createdAt: string }>>(tenantId, (tx) => listPublishedItems(tx, tenantId, filter, limit + 1, after));
}

/** The drafts `ids` in the given order; 404 naming those the tenant does not have. */
export async function getDraftsForExport(db: Database, tenantId: string, ids: string[]): Promise<Item[]> {
  const items = await db.withTenant<ItemsDatabase, Item[]>(tenantId, (tx) => findItemDrafts(tx, tenantId, ids));
  const byId = new Map(items.map((item) => [item.id, item]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new AppError('not_found', 'ITEMS.ITEM_NOT_FOUND', `No item ${missing.join(', ')}`, { missing });
  return ids.map((id) => byId.get(id)!);
}
