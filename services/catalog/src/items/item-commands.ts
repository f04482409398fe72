import { randomUUID } from 'node:crypto';
import { AppError, type Cache, type Database, type Outbox } from '@tessera/platform';
import { forgetSearches } from '../app/search-cache.js';
import { prepareItem, searchTextOf } from './item-normalise.js';
import { publishLockedDraft } from './item-publication.js';
import { assertReferencesExist, unknownReferences } from './item-references.js';
import type { Item, ItemContent, ItemVersion } from './item-types.js';
import { assertSafePatterns } from './item-validation.js';
import { deleteItemDraft, findItem, insertItem, updateItemDraft } from './item.repository.js';
import type { ItemsDatabase } from './item.table.js';

type Deps = { db: Database; outbox: Outbox };
/** The route's object-level check, given the item's author. */
type MayChange = (authorId: string | null) => void;

/** Creates a draft (version 1); 422 when it names skills or a course the tenant does not have. */
export async function createItem(deps: Deps, tenantId: string, authorId: string | null, content: ItemContent): Promise<Item> {
  assertSafePatterns(content);
  const item = prepareItem(content);
  return deps.db.withTenant<ItemsDatabase, Item>(tenantId, async (tx) => {
    await assertReferencesExist(tx, tenantId, item);
    return insertItem(tx, tenantId, { id: randomUUID(), content: item, searchText: searchTextOf(item), createdBy: authorId });
  });
}

/**
 * Creates several drafts in one transaction (an import is all or nothing): items naming skills or a course
 * the tenant does not have are refused like any other invalid import, with 422 listing each with its index.
 */
export async function createItems(deps: Deps, tenantId: string, authorId: string | null, contents: ItemContent[]): Promise<Item[]> {
  const items = contents.map(prepareItem);
  return deps.db.withTenant<ItemsDatabase, Item[]>(tenantId, async (tx) => {
    const problems = (await unknownReferences(tx, tenantId, items))
      .flatMap((unknown, index) => unknown.map((u) => ({ index, problem: `${u.pointer}: ${u.detail}` })));
    if (problems.length > 0) {
      throw new AppError('unprocessable', 'ITEMS.IMPORT_INVALID', `${problems.length} problem(s) in the imported items; nothing was imported`, { problems });
    }
    const created: Item[] = [];
    for (const item of items) created.push(await insertItem(tx, tenantId, { id: randomUUID(), content: item, searchText: searchTextOf(item), createdBy: authorId }));
    return created;
  });
}

/**
 * Replaces a draft seen at `expectedVersion`; the item goes back to `draft` until published again (an archived
 * item too: editing brings it back). An item in review is frozen until a reviewer decides.
 */
export async function updateItem(deps: Deps, tenantId: string, command: { id: string; content: ItemContent; expectedVersion: number; mayChange: MayChange }): Promise<Item> {
  assertSafePatterns(command.content);
  const item = prepareItem(command.content);
  return deps.db.withTenant<ItemsDatabase, Item>(tenantId, async (tx) => {
    const existing = await findItem(tx, tenantId, command.id);
    if (!existing) throw itemNotFound(command.id);
    command.mayChange(existing.createdBy);
    if (existing.status === 'in_review') throw inReview(command.id);
    await assertReferencesExist(tx, tenantId, item);
    const version = await updateItemDraft(tx, tenantId, command.id, { content: item, searchText: searchTextOf(item) }, command.expectedVersion);
    if (version === undefined) throw versionMismatch(command.id, existing.version, command.expectedVersion);
    return (await findItem(tx, tenantId, command.id)) ?? Promise.reject(itemNotFound(command.id));
  });
}

/** Deletes a draft that was never published; published items stay (students may hold their versions). */
export async function deleteItem(deps: Deps, tenantId: string, command: { id: string; expectedVersion: number; mayChange: MayChange }): Promise<void> {
  await deps.db.withTenant<ItemsDatabase, void>(tenantId, async (tx) => {
    const existing = await findItem(tx, tenantId, command.id, true);
    if (!existing) throw itemNotFound(command.id);
    command.mayChange(existing.createdBy);
    if (existing.version !== command.expectedVersion) throw versionMismatch(command.id, existing.version, command.expectedVersion);
    if (existing.status === 'in_review') throw inReview(command.id);
    if (existing.publishedVersion !== null) {
      throw new AppError('conflict', 'ITEMS.ITEM_PUBLISHED', `Item ${command.id} has published versions and cannot be deleted`);
    }
    await deleteItemDraft(tx, tenantId, command.id, command.expectedVersion);
  });
}

/**
 * Freezes the draft as the next published version, puts it in the search index in place of the previous one
 * and emits `catalog.item.published`, or refuses with 422
 * listing every problem; the tenant's cached searches are dropped after commit. `expectedVersion`, when given, must be the draft's current version.
 */
export async function publishItem(
  deps: Deps & { cache: Cache },
  tenantId: string,
  command: {
    id: string; expectedVersion: number | undefined; publishedBy: string | null; mayChange: MayChange;
    /** How the review log records it: `approved` when a reviewer publishes an item in review, `published` (the default) otherwise. */
    via?: 'approved' | 'published'; comment?: string | undefined;
    /** Which statuses this publication accepts (a reviewer's approval: only `in_review`). */
    from?: ReadonlyArray<Item['status']>;
  },
): Promise<{ item: Item; published: ItemVersion }> {
  const result = await deps.db.withTenant<ItemsDatabase, { item: Item; published: ItemVersion }>(tenantId, async (tx) => {
    // Locked, so that two concurrent publications cannot both take version n+1.
    const draft = await findItem(tx, tenantId, command.id, true);
    if (!draft) throw itemNotFound(command.id);
    command.mayChange(draft.createdBy);
    if (command.expectedVersion !== undefined && draft.version !== command.expectedVersion) throw versionMismatch(command.id, draft.version, command.expectedVersion);
    if (draft.status === 'published') {
      throw new AppError('conflict', 'ITEMS.NOTHING_TO_PUBLISH', `Item ${command.id} has no changes since version ${draft.publishedVersion} was published`);
    }
    if (command.from && !command.from.includes(draft.status)) throw invalidTransition(draft, command.from);
    const published = await publishLockedDraft(tx, deps.outbox, tenantId, draft, command.publishedBy, { action: command.via ?? 'published', comment: command.comment ?? null });
    const item = await findItem(tx, tenantId, command.id);
    if (!item) throw itemNotFound(command.id);
    return { item, published };
  });
  // Readers of the bank search published items (items are never in the public catalog).
  await forgetSearches(deps.cache, tenantId, { publicCatalog: false });
  return result;
}

export function inReview(id: string): AppError {
  return new AppError('conflict', 'ITEMS.IN_REVIEW', `Item ${id} is in review; it can change again once a reviewer approves or rejects it`);
}

export function invalidTransition(item: Item, from: ReadonlyArray<Item['status']>): AppError {
  return new AppError('conflict', 'ITEMS.INVALID_TRANSITION', `Item ${item.id} is ${item.status}; this step needs it ${from.join(' or ')}`);
}

/** Another tenant's item is equally "not found". */
export function itemNotFound(id: string): AppError {
  return new AppError('not_found', 'ITEMS.ITEM_NOT_FOUND', `No item ${id}`);
}

export function versionMismatch(id: string, current: number, expected: number): AppError {
  return new AppError('precondition_failed', 'ITEMS.VERSION_MISMATCH', `Item ${id} is at version ${current}, not ${expected}`);
}
