import { AppError, isAppError, type Database, type Outbox } from '@tessera/platform';
import { createItems } from './item-commands.js';
import { getDraftsForExport } from './item-queries.js';
import type { Item, ItemContent } from './item-types.js';
import { candidateErrors } from './item-validation.js';
import { itemToQti, type QtiDocument } from './qti/qti-export.js';
import type { QtiVersion } from './qti/qti-names.js';
import { qtiToItem } from './qti/qti-import.js';

/** Most items one import may create. */
export const MAX_IMPORT_ITEMS = 200;

/** What an import reads: JSON items, or QTI documents (one, or several with the metadata of a Tessera export). */
export type ImportSource =
  | { format: 'json'; items: unknown[] }
  | { format: 'qti'; documents: Array<{ xml: string; metadata?: Record<string, unknown> | undefined }> };

/**
 * Creates a draft for every item of `source`, all or nothing. Hostile or malformed XML is refused with its
 * own code; items that are not valid are refused with 422 listing each problem with the item's index.
 */
export async function importItems(deps: { db: Database; outbox: Outbox }, tenantId: string, authorId: string | null, source: ImportSource): Promise<Item[]> {
  const count = source.format === 'json' ? source.items.length : source.documents.length;
  if (count === 0 || count > MAX_IMPORT_ITEMS) {
    throw new AppError('unprocessable', 'ITEMS.IMPORT_SIZE', `An import holds 1 to ${MAX_IMPORT_ITEMS} items (this one has ${count})`);
  }
  const candidates = source.format === 'json' ? source.items : source.documents.map((document, index) => {
    try {
      return qtiToItem(document.xml, document.metadata);
    } catch (error) {
      if (isAppError(error) && count > 1) throw new AppError(error.kind, error.code, `Document ${index}: ${error.message}`, error.details);
      throw error;
    }
  });
  const problems = candidates.flatMap((candidate, index) => candidateErrors(candidate).map((problem) => ({ index, problem })));
  if (problems.length > 0) {
    throw new AppError('unprocessable', 'ITEMS.IMPORT_INVALID', `${problems.length} problem(s) in the imported items; nothing was imported`, { problems });
  }
  return createItems(deps, tenantId, authorId, candidates as ItemContent[]);
}

/** The JSON exchange document: items as authors write them (importable as they are). */
export interface JsonExport { format: 'json'; itemIds: string[]; items: ItemContent[] }
/** The QTI exchange document: one assessment item per item, with what QTI cannot carry as metadata. */
export interface QtiExport { format: 'qti'; version: QtiVersion; items: Array<QtiDocument & { itemId: string }> }

/** Exports the drafts `ids` (404 when the tenant lacks any). */
export async function exportItems(db: Database, tenantId: string, ids: string[], format: 'json' | 'qti', version: QtiVersion): Promise<JsonExport | QtiExport> {
  const items = await getDraftsForExport(db, tenantId, ids);
  if (format === 'json') return { format, itemIds: items.map((item) => item.id), items: items.map(contentOf) };
  return { format, version, items: items.map((item) => ({ itemId: item.id, ...itemToQti(contentOf(item), `item-${item.id}`, version) })) };
}

/** An item without the bank's bookkeeping. */
export function contentOf(item: Item): ItemContent {
  const { id: _id, status: _status, version: _version, publishedVersion: _published, createdBy: _by, createdAt: _created, updatedAt: _updated, ...content } = item;
  return content as ItemContent;
}
