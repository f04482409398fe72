import { type Cache, type Database, type Outbox, type Tx } from '@tessera/platform';
import { forgetSearches } from '../app/search-cache.js';
import type { ReviewEntry } from '../contract/schemas.js';
import { removeItemDocument } from '../db/search.repository.js';
import { invalidTransition, itemNotFound, publishItem, versionMismatch } from './item-commands.js';
import type { Item, ItemVersion } from './item-types.js';
import { findItem, itemReviewLogOf, logItemReview, setItemStatus } from './item.repository.js';
import type { ItemsDatabase } from './item.table.js';

type Deps = { db: Database; outbox: Outbox; cache: Cache };

/** A step of an item's review workflow, on the draft version the caller read, by the caller (null for an API key). */
export interface ItemStep {
  id: string;
  expectedVersion: number;
  actorId: string | null;
  comment?: string | undefined;
  /** The route's object-level check, given the item's author (authors submit their own items). */
  mayChange?: (authorId: string | null) => void;
}

/** Submits a draft for review; the item is frozen (no edits, no deletion) until a reviewer decides. */
export async function submitItemForReview(deps: Deps, tenantId: string, step: ItemStep): Promise<Item> {
  return transition(deps, tenantId, step, ['draft'], async (tx, item) => {
    await setItemStatus(tx, tenantId, item.id, 'in_review');
    await logItemReview(tx, tenantId, { itemId: item.id, action: 'submitted', actorId: step.actorId, comment: step.comment ?? null, version: null });
  });
}

/** A reviewer approves an item in review: it is published as its next version (or refused with 422 and every problem). */
export async function approveItem(deps: Deps, tenantId: string, step: ItemStep): Promise<{ item: Item; published: ItemVersion }> {
  return publishItem(deps, tenantId, {
    id: step.id, expectedVersion: step.expectedVersion, publishedBy: step.actorId, mayChange: step.mayChange ?? (() => undefined),
    via: 'approved', comment: step.comment, from: ['in_review'],
  });
}

/** A reviewer sends an item in review back to its author as a draft, saying why. */
export async function rejectItemReview(deps: Deps, tenantId: string, step: ItemStep): Promise<Item> {
  return transition(deps, tenantId, step, ['in_review'], async (tx, item) => {
    await setItemStatus(tx, tenantId, item.id, 'draft');
    await logItemReview(tx, tenantId, { itemId: item.id, action: 'rejected', actorId: step.actorId, comment: step.comment ?? null, version: null });
  });
}

/**
 * Archives an item: it leaves the bank's search and listing for tutors, and no new course version may embed
 * it; the versions courses and exams already hold stay readable. Editing or publishing it again brings it back.
 */
export async function archiveItem(deps: Deps, tenantId: string, step: ItemStep): Promise<Item> {
  const item = await transition(deps, tenantId, step, ['draft', 'in_review', 'published'], async (tx, current) => {
    await setItemStatus(tx, tenantId, current.id, 'archived');
    await removeItemDocument(tx, tenantId, current.id);
    await logItemReview(tx, tenantId, { itemId: current.id, action: 'archived', actorId: step.actorId, comment: step.comment ?? null, version: current.publishedVersion });
  });
  await forgetSearches(deps.cache, tenantId, { publicCatalog: false });
  return item;
}

/** The review history of an item, oldest first (404 for an item the tenant does not have). */
export async function itemReviewHistory(deps: Pick<Deps, 'db'>, tenantId: string, itemId: string): Promise<ReviewEntry[]> {
  return deps.db.withTenant<ItemsDatabase, ReviewEntry[]>(tenantId, async (tx) => {
    if (!(await findItem(tx, tenantId, itemId))) throw itemNotFound(itemId);
    return itemReviewLogOf(tx, tenantId, itemId);
  });
}

async function transition(
  deps: Pick<Deps, 'db'>, tenantId: string, step: ItemStep, from: ReadonlyArray<Item['status']>,
  apply: (tx: Tx<ItemsDatabase>, item: Item) => Promise<void>,
): Promise<Item> {
  return deps.db.withTenant<ItemsDatabase, Item>(tenantId, async (tx) => {
    const item = await findItem(tx, tenantId, step.id, true);
    if (!item) throw itemNotFound(step.id);
    step.mayChange?.(item.createdBy);
    if (item.version !== step.expectedVersion) throw versionMismatch(item.id, item.version, step.expectedVersion);
    if (!from.includes(item.status)) throw invalidTransition(item, from);
    await apply(tx, item);
    return (await findItem(tx, tenantId, item.id)) ?? Promise.reject(itemNotFound(item.id));
  });
}
