import { AppError, type Outbox, type Tx } from '@tessera/platform';
import { CatalogEvents, type ItemPublishedData } from '../contract/events.js';
import { indexPublishedItem } from '../db/search.repository.js';
import { itemProblems } from './item-problems.js';
import { itemSearchDocument } from './item-search.js';
import type { Item, ItemContent, ItemVersion } from './item-types.js';
import { findItem, freezeItemVersion, logItemReview } from './item.repository.js';
import type { ItemsDatabase } from './item.table.js';

/**
 * Freezes `draft` (read with a lock in `tx`, so that two publications cannot both take version n+1) as the
 * next published version, puts it in the search index in place of the previous one and emits
 * `catalog.item.published` and logs the step in the item's review history, all in `tx`; or refuses with 422
 * listing every problem.
 */
export async function publishLockedDraft<DB>(tx: Tx<DB>, outbox: Outbox, tenantId: string, draft: Item, publishedBy: string | null,
  logged: { action: 'approved' | 'published'; comment: string | null } = { action: 'published', comment: null }): Promise<ItemVersion> {
  const problems = itemProblems(draft);
  if (problems.length > 0) {
    throw new AppError('unprocessable', 'ITEMS.NOT_PUBLISHABLE', `Item ${draft.id} cannot be published: ${problems.length} problem(s)`, { problems });
  }
  const db = tx as unknown as Tx<ItemsDatabase>;
  const published = await freezeItemVersion(db, tenantId, draft.id, draft.version, (draft.publishedVersion ?? 0) + 1, publishedBy);
  // In the same transaction: search shows exactly the latest published version, never a draft.
  await indexPublishedItem(tx, tenantId, itemSearchDocument(published));
  await logItemReview(db, tenantId, { itemId: draft.id, action: logged.action, actorId: publishedBy, comment: logged.comment, version: published.version });
  await outbox.emit(tx, tenantId, [{ name: CatalogEvents.itemPublished, subject: draft.id, data: publishedData(published) }]);
  return published;
}

/**
 * Freezes the items a course version embeds, inside the course's publishing transaction: each item with
 * unpublished changes (never published, or edited since) is published; returns the published version of
 * every item, the one the course version shows. The caller has checked the items' problems; an item gone
 * since (a race) or archived is refused with 422 like any other item problem.
 */
export async function freezeEmbeddedItems<DB>(tx: Tx<DB>, outbox: Outbox, tenantId: string, itemIds: readonly string[], publishedBy: string | null): Promise<Map<string, number>> {
  const db = tx as unknown as Tx<ItemsDatabase>;
  const versions = new Map<string, number>();
  // Locked in id order, so that two courses embedding the same items cannot deadlock.
  for (const itemId of [...new Set(itemIds)].sort()) {
    const draft = await findItem(db, tenantId, itemId, true);
    if (!draft) throw new AppError('unprocessable', 'CATALOG.UNKNOWN_ITEM', `No item ${itemId}`);
    if (draft.status === 'archived') throw new AppError('unprocessable', 'CATALOG.ARCHIVED_ITEM', `Item ${itemId} is archived: a new course version cannot embed it`);
    const version = draft.status === 'published' && draft.publishedVersion !== null
      ? draft.publishedVersion
      : (await publishLockedDraft(tx, outbox, tenantId, draft, publishedBy)).version;
    versions.set(itemId, version);
  }
  return versions;
}

/** What adaptive and assessment need of a published version. */
function publishedData(version: ItemVersion): ItemPublishedData {
  const irt = version.irt ?? null;
  const parameters = irt ? Object.fromEntries(Object.entries({ a: irt.a, b: irt.b, c: irt.c }).filter(([, v]) => v !== undefined)) : {};
  return {
    itemId: version.id, version: version.version, type: version.type, skills: version.skills ?? [], difficulty: version.difficulty ?? null,
    parameters, courseId: version.courseId ?? null, publishedAt: version.publishedAt, content: contentOf(version),
  };
}

/** The item's content without the bookkeeping of its version. */
function contentOf(version: ItemVersion): ItemContent {
  const { id: _id, version: _version, publishedAt: _publishedAt, publishedBy: _publishedBy, ...content } = version;
  return content as ItemContent;
}
