import { CatalogPermissions } from '../contract/permissions.js';

/** The catalog permissions the question bank checks (declared and granted by the catalog contract). */
export const ItemPermissions = {
  /** List and read the bank (staff; without the author permission: the delivery view, no answers). Students read items through lessons. */
  read: CatalogPermissions.itemsRead,
  /** Create and edit drafts, import and export. */
  author: CatalogPermissions.author,
  /** Edit or publish any item of the tenant, not only one's own. */
  manageAll: CatalogPermissions.manageAll,
  /**
   * Publish items: their authors (the route's object-level check) or managers of all items. What students meet
   * of an item is still gated by the review of the course that embeds it.
   */
  publish: CatalogPermissions.author,
} as const;
