import { randomUUID } from 'node:crypto';
import type { Tx } from '@tessera/platform';
import { sql, type ExpressionBuilder } from 'kysely';
import type { ReviewEntry } from '../contract/schemas.js';
import type { Item, ItemContent, ItemStatus, ItemType, ItemVersion } from './item-types.js';
import type { ItemReviewLogTable, ItemRow, ItemsDatabase, ItemVersionRow } from './item.table.js';

type Db = Tx<ItemsDatabase>;
const columns = ['id', 'type', 'title', 'content', 'status', 'version', 'published_version', 'created_by', 'created_at', 'updated_at'] as const;
const versionColumns = ['item_id', 'version', 'content', 'published_at', 'published_by'] as const;

/** Filters of the item listings. */
export interface ItemFilter {
  type?: ItemType | undefined;
  skill?: string | undefined;
  status?: ItemStatus | undefined;
  q?: string | undefined;
}
/** Where a page continues: after the item created at `createdAt` with id `id` (newest first). */
export interface ItemCursor { createdAt: string; id: string }

/** Stores a new draft (version 1) and its skill links. */
export async function insertItem(tx: Db, tenantId: string, item: { id: string; content: ItemContent; searchText: string; createdBy: string | null }): Promise<Item> {
  const row = await tx.insertInto('catalog.items').values({
    id: item.id, tenant_id: tenantId, type: item.content.type, title: item.content.title, content: JSON.stringify(item.content),
    search_text: item.searchText, course_id: item.content.courseId ?? null, created_by: item.createdBy, published_version: null,
  }).returning(columns).executeTakeFirstOrThrow();
  await replaceItemSkills(tx, tenantId, item.id, item.content.skills ?? []);
  return toItem(row);
}

/** The tenant's draft of item `id`, or undefined. */
export async function findItem(tx: Db, tenantId: string, id: string, lock = false): Promise<Item | undefined> {
  let query = tx.selectFrom('catalog.items').select(columns).where('tenant_id', '=', tenantId).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toItem(row) : undefined;
}

/** The tenant's drafts among `ids` (unknown ids are left out). */
export async function findItemDrafts(tx: Db, tenantId: string, ids: string[]): Promise<Item[]> {
  if (ids.length === 0) return [];
  const rows = await tx.selectFrom('catalog.items').select(columns).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  return rows.map(toItem);
}

/** Which of `ids` name items of the tenant (for blocks embedding them, inside the caller's transaction). */
export async function existingItemIds<DB>(tx: Tx<DB>, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await (tx as unknown as Db).selectFrom('catalog.items').select('id').where('tenant_id', '=', tenantId).where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((row) => row.id));
}

/** Replaces a draft if it is still at `expectedVersion`; returns the new version, or undefined on a stale version. */
export async function updateItemDraft(tx: Db, tenantId: string, id: string, item: { content: ItemContent; searchText: string }, expectedVersion: number): Promise<number | undefined> {
  const row = await tx.updateTable('catalog.items')
    .set((eb) => ({
      type: item.content.type, title: item.content.title, content: JSON.stringify(item.content), search_text: item.searchText,
      course_id: item.content.courseId ?? null, status: 'draft' as const, version: eb('version', '+', 1), updated_at: new Date(),
    }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', expectedVersion)
    .returning('version').executeTakeFirst();
  if (row) await replaceItemSkills(tx, tenantId, id, item.content.skills ?? []);
  return row?.version;
}

/** Moves an item through the review workflow (the caller checked the transition and the version). */
export async function setItemStatus(tx: Db, tenantId: string, id: string, status: ItemStatus): Promise<void> {
  await tx.updateTable('catalog.items').set((eb) => ({ status, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Records a step of an item's review workflow. */
export async function logItemReview(tx: Db, tenantId: string, entry: { itemId: string; action: ItemReviewLogTable['action']; actorId: string | null; comment: string | null; version: number | null }): Promise<void> {
  await tx.insertInto('catalog.item_review_log').values({
    id: randomUUID(), tenant_id: tenantId, item_id: entry.itemId, action: entry.action, actor_id: entry.actorId, comment: entry.comment, version: entry.version,
  }).execute();
}

/** An item's review history, oldest first. */
export async function itemReviewLogOf(tx: Db, tenantId: string, itemId: string): Promise<ReviewEntry[]> {
  const rows = await tx.selectFrom('catalog.item_review_log').selectAll().where('tenant_id', '=', tenantId).where('item_id', '=', itemId)
    .orderBy('seq').limit(1000).execute();
  return rows.map((r) => ({ action: r.action, actorId: r.actor_id, comment: r.comment, version: r.version, at: r.at.toISOString() }));
}

/** Deletes a draft that was never published (versions reference it, so a published item cannot go). */
export async function deleteItemDraft(tx: Db, tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
  const result = await tx.deleteFrom('catalog.items')
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', expectedVersion).where('published_version', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * Freezes the draft at `draftVersion` as published version `number` (a copy made inside the database, so the
 * frozen version is exactly the checked draft) and marks the draft published.
 */
export async function freezeItemVersion(tx: Db, tenantId: string, id: string, draftVersion: number, number: number, publishedBy: string | null): Promise<ItemVersion> {
  await sql`
    insert into catalog.item_versions (tenant_id, item_id, version, type, title, content, search_text, skills, published_by)
    select tenant_id, id, ${number}, type, title, content, search_text,
           array(select jsonb_array_elements_text(coalesce(content -> 'skills', '[]'::jsonb)))::uuid[], ${publishedBy}
      from catalog.items where tenant_id = ${tenantId} and id = ${id} and version = ${draftVersion}`.execute(tx);
  await tx.updateTable('catalog.items')
    .set((eb) => ({ status: 'published' as const, published_version: number, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', draftVersion).execute();
  const version = await findItemVersion(tx, tenantId, id, number);
  if (!version) throw new Error(`Item ${id} version ${number} was not frozen`);
  return version;
}

/** A frozen version of an item, or undefined. */
export async function findItemVersion(tx: Db, tenantId: string, id: string, version: number): Promise<ItemVersion | undefined> {
  const row = await tx.selectFrom('catalog.item_versions').select(versionColumns)
    .where('tenant_id', '=', tenantId).where('item_id', '=', id).where('version', '=', version).executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** The number of the latest version of an item published at or before `at`, or undefined. */
export async function versionPublishedAsOf(tx: Db, tenantId: string, id: string, at: Date): Promise<number | undefined> {
  const row = await tx.selectFrom('catalog.item_versions').select('version')
    .where('tenant_id', '=', tenantId).where('item_id', '=', id).where('published_at', '<=', at)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row?.version;
}

/** Drafts newest first (authors' view of the bank). */
export async function listItemDrafts(tx: Db, tenantId: string, filter: ItemFilter, limit: number, after?: ItemCursor): Promise<Item[]> {
  let query = tx.selectFrom('catalog.items as i').select(columns.map((c) => `i.${c}` as const)).where('i.tenant_id', '=', tenantId);
  if (filter.type) query = query.where('i.type', '=', filter.type);
  if (filter.status) query = query.where('i.status', '=', filter.status);
  if (filter.q) query = query.where('i.search_text', 'ilike', likePattern(filter.q));
  if (filter.skill) {
    const skill = filter.skill;
    query = query.where((eb) => eb.exists(eb.selectFrom('catalog.item_skills as s')
      .whereRef('s.item_id', '=', 'i.id').where('s.tenant_id', '=', tenantId).where('s.skill_id', '=', skill).select('s.skill_id')));
  }
  if (after) query = query.where((eb) => continuesAfter(eb, after));
  const rows = await query.orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(limit).execute();
  return rows.map(toItem);
}

/** The latest published version of each item not archived, newest item first (what tutors may browse). */
export async function listPublishedItems(tx: Db, tenantId: string, filter: ItemFilter, limit: number, after?: ItemCursor): Promise<Array<ItemVersion & { createdAt: string }>> {
  let query = tx.selectFrom('catalog.items as i')
    .innerJoin('catalog.item_versions as v', (join) => join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version').onRef('v.tenant_id', '=', 'i.tenant_id'))
    .select([...versionColumns.map((c) => `v.${c}` as const), 'i.created_at', 'i.id'])
    .where('i.tenant_id', '=', tenantId).where('i.status', '!=', 'archived');
  if (filter.type) query = query.where('v.type', '=', filter.type);
  if (filter.q) query = query.where('v.search_text', 'ilike', likePattern(filter.q));
  if (filter.skill) query = query.where(sql<boolean>`${filter.skill}::uuid = any(v.skills)`);
  if (after) query = query.where((eb) => continuesAfter(eb, after));
  const rows = await query.orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(limit).execute();
  return rows.map((row) => ({ ...toVersion(row), createdAt: row.created_at.toISOString() }));
}

async function replaceItemSkills(tx: Db, tenantId: string, itemId: string, skills: string[]): Promise<void> {
  await tx.deleteFrom('catalog.item_skills').where('tenant_id', '=', tenantId).where('item_id', '=', itemId).execute();
  if (skills.length > 0) {
    await tx.insertInto('catalog.item_skills').values(skills.map((skillId) => ({ tenant_id: tenantId, item_id: itemId, skill_id: skillId }))).execute();
  }
}

function continuesAfter(eb: ExpressionBuilder<{ i: ItemsDatabase['catalog.items'] }, 'i'>, after: ItemCursor) {
  const at = new Date(after.createdAt);
  return eb.or([eb('i.created_at', '<', at), eb.and([eb('i.created_at', '=', at), eb('i.id', '<', after.id)])]);
}

/** `q` as a case-insensitive substring pattern, with LIKE's wildcards taken literally. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toItem(row: Pick<ItemRow, (typeof columns)[number]>): Item {
  return {
    ...row.content,
    id: row.id,
    status: row.status,
    version: row.version,
    publishedVersion: row.published_version,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toVersion(row: Pick<ItemVersionRow, (typeof versionColumns)[number]>): ItemVersion {
  return { ...row.content, id: row.item_id, version: row.version, publishedAt: row.published_at.toISOString(), publishedBy: row.published_by };
}
