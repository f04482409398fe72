import { randomUUID } from 'node:crypto';
import { AppError, type Database, type Tx } from '@tessera/platform';
import type { Block, BlockKind, CreateBlockBody, UpdateBlockBody } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { closePosition, movePosition, openPosition, type Siblings } from '../db/positions.repository.js';
import { blocksOfLesson, deleteRow, findBlock, findLesson, insertBlock, updateBlockRow, type BlockContent } from '../db/structure.repository.js';
import { renderMarkdown, sanitizeRichHtml } from '../domain/rich-text.js';
import { existingItemIds } from '../items/item.repository.js';
import { existingMediaIds } from '../media/media.repository.js';
import { assertMayReadDraft, editCourseTree, type Editor } from './editor.js';
import { catalogErrors } from './errors.js';

type Db = Tx<CatalogDatabase>;
type ContentFields = Pick<CreateBlockBody, 'title' | 'markdown' | 'html' | 'mediaId' | 'itemId'>;
const inLesson = (lessonId: string): Siblings => ({ table: 'catalog.blocks', parent: 'lesson_id', parentId: lessonId });

/** Which content fields each kind takes; the others are refused rather than silently kept. */
const fieldsOf: Record<BlockKind, ReadonlyArray<keyof ContentFields>> = {
  rich_text: ['title', 'markdown', 'html'],
  video: ['title', 'mediaId'],
  file: ['title', 'mediaId'],
  question: ['title', 'itemId'],
};

/** Adds a content block to a lesson; rich text is stored sanitised. */
export async function createBlock(db: Database, tenantId: string, lessonId: string, body: CreateBlockBody, editor: Editor): Promise<Block> {
  const { kind, position: wanted, ...fields } = body;
  const content = contentOf(kind, fields, true);
  return db.withTenant<CatalogDatabase, Block>(tenantId, async (tx) => {
    const lesson = await findLesson(tx, tenantId, lessonId);
    if (!lesson) throw catalogErrors.lessonNotFound(lessonId);
    return editCourseTree(tx, tenantId, lesson.courseId, editor, async () => {
      await assertMediaExists(tx, tenantId, content.media_id);
      await assertItemExists(tx, tenantId, content.item_id);
      const id = randomUUID();
      const position = await openPosition(tx, inLesson(lessonId), wanted);
      await insertBlock(tx, tenantId, { id, courseId: lesson.courseId, lessonId, kind, position, content: content as BlockContent });
      return (await findBlock(tx, tenantId, id))!;
    });
  });
}

/** The blocks of a lesson draft, in order (for the course's co-authors and reviewers). */
export async function listBlocks(db: Database, tenantId: string, lessonId: string, reader: Editor): Promise<Block[]> {
  return db.withTenant<CatalogDatabase, Block[]>(tenantId, async (tx) => {
    const lesson = await findLesson(tx, tenantId, lessonId);
    if (!lesson) throw catalogErrors.lessonNotFound(lessonId);
    await assertMayReadDraft(tx, tenantId, lesson.courseId, reader);
    return blocksOfLesson(tx, tenantId, lessonId);
  });
}

/** A content block of a draft (for the course's co-authors and reviewers). */
export async function getBlock(db: Database, tenantId: string, id: string, reader: Editor): Promise<Block> {
  return db.withTenant<CatalogDatabase, Block>(tenantId, async (tx) => {
    const block = await mustFindBlock(tx, tenantId, id);
    await assertMayReadDraft(tx, tenantId, block.courseId, reader);
    return block;
  });
}

/** Changes a block's content (its kind stays) or moves it within its lesson. */
export async function updateBlock(db: Database, tenantId: string, command: { id: string; changes: UpdateBlockBody; expectedVersion: number; editor: Editor }): Promise<Block> {
  return db.withTenant<CatalogDatabase, Block>(tenantId, async (tx) => {
    const found = await findBlock(tx, tenantId, command.id);
    if (!found) throw catalogErrors.blockNotFound(command.id);
    const { position, ...fields } = command.changes;
    const content = contentOf(found.kind, fields, false);
    return editCourseTree(tx, tenantId, found.courseId, command.editor, async () => {
      const block = await mustFindBlock(tx, tenantId, command.id);
      await assertMediaExists(tx, tenantId, content.media_id);
      await assertItemExists(tx, tenantId, content.item_id);
      if (!(await updateBlockRow(tx, tenantId, block.id, content, command.expectedVersion))) {
        throw catalogErrors.stale('block', block.id, command.expectedVersion, block.version);
      }
      if (position !== undefined) await movePosition(tx, inLesson(block.lessonId), block.id, block.position, position);
      return (await findBlock(tx, tenantId, block.id))!;
    });
  });
}

/** Removes a block. */
export async function deleteBlock(db: Database, tenantId: string, command: { id: string; expectedVersion: number; editor: Editor }): Promise<void> {
  await db.withTenant<CatalogDatabase, void>(tenantId, async (tx) => {
    const found = await findBlock(tx, tenantId, command.id);
    if (!found) throw catalogErrors.blockNotFound(command.id);
    await editCourseTree(tx, tenantId, found.courseId, command.editor, async () => {
      const block = await mustFindBlock(tx, tenantId, command.id);
      if (block.version !== command.expectedVersion) throw catalogErrors.stale('block', block.id, command.expectedVersion, block.version);
      await deleteRow(tx, tenantId, 'catalog.blocks', block.id);
      await closePosition(tx, inLesson(block.lessonId), block.position);
    });
  });
}

/**
 * The stored content for `fields` of a block of `kind`: rich text becomes sanitised HTML (from Markdown, or
 * from HTML), media and questions keep their ids. `complete` (on create) requires the kind's content. The
 * caller checks, inside its transaction, that a media id names an upload of the tenant (assertMediaExists)
 * and an item id an item of its question bank (assertItemExists).
 */
export function contentOf(kind: BlockKind, fields: ContentFields, complete: boolean): Partial<BlockContent> {
  const allowed = fieldsOf[kind];
  const misplaced = (Object.keys(fields) as Array<keyof ContentFields>).filter((key) => fields[key] !== undefined && !allowed.includes(key));
  if (misplaced.length > 0) throw invalid(misplaced.map((key) => ({ pointer: `/body/${key}`, detail: `a ${kind} block has no ${key}` })));
  const content: Partial<BlockContent> = {};
  if (fields.title !== undefined) content.title = fields.title;
  if (kind === 'rich_text') {
    if (fields.markdown !== undefined && fields.html !== undefined) {
      throw invalid([{ pointer: '/body/html', detail: 'send either markdown or html, not both' }]);
    }
    if (fields.markdown !== undefined) Object.assign(content, { markdown: fields.markdown, html: renderMarkdown(fields.markdown) });
    else if (fields.html !== undefined) Object.assign(content, { markdown: null, html: sanitizeRichHtml(fields.html) });
    else if (complete) throw invalid([{ pointer: '/body/markdown', detail: 'a rich_text block needs markdown or html' }]);
  } else if (kind === 'question') {
    if (fields.itemId !== undefined) content.item_id = fields.itemId;
    else if (complete) throw invalid([{ pointer: '/body/itemId', detail: 'a question block needs an itemId' }]);
  } else if (fields.mediaId !== undefined) {
    content.media_id = fields.mediaId;
  } else if (complete) {
    throw invalid([{ pointer: '/body/mediaId', detail: `a ${kind} block needs a mediaId` }]);
  }
  return complete ? { title: null, markdown: null, html: null, media_id: null, item_id: null, ...content } : content;
}

/** Refuses a media id the tenant has no upload for (another tenant's, or made up) with 422. */
async function assertMediaExists(tx: Db, tenantId: string, mediaId: string | null | undefined): Promise<void> {
  if (!mediaId || (await existingMediaIds(tx, tenantId, [mediaId])).has(mediaId)) return;
  throw new AppError('unprocessable', 'CATALOG.UNKNOWN_MEDIA', `No media ${mediaId}`, {
    errors: [{ pointer: '/body/mediaId', detail: `no media ${mediaId}: upload it first (POST /media)` }],
  });
}

/** Refuses an item id the tenant's question bank does not have (another tenant's, or made up) with 422. */
async function assertItemExists(tx: Db, tenantId: string, itemId: string | null | undefined): Promise<void> {
  if (!itemId || (await existingItemIds(tx, tenantId, [itemId])).has(itemId)) return;
  throw new AppError('unprocessable', 'CATALOG.UNKNOWN_ITEM', `No item ${itemId}`, {
    errors: [{ pointer: '/body/itemId', detail: `no item ${itemId}: create it in the question bank first (POST /items)` }],
  });
}

function invalid(errors: Array<{ pointer: string; detail: string }>): AppError {
  return new AppError('invalid', 'CATALOG.INVALID_BLOCK', errors.map((e) => e.detail).join('; '), { errors });
}

async function mustFindBlock(tx: Db, tenantId: string, id: string): Promise<Block> {
  const block = await findBlock(tx, tenantId, id);
  if (!block) throw catalogErrors.blockNotFound(id);
  return block;
}
