import type { PermissionGrants } from '@tessera/platform';

/** Permissions of the catalog service (courses, skills, question bank, media); routes name them. */
export const CatalogPermissions = {
  /** Read published courses, lessons and skills of the own tenant (items only as lessons embed them). */
  read: 'catalog.content.read',
  /** List and read the question bank: staff only, so students do not see assessment questions before they meet them. */
  itemsRead: 'catalog.items.read',
  /** Create and edit drafts (courses, modules, lessons, blocks, items, skills) and submit them for review. */
  author: 'catalog.content.author',
  /** Edit any course of the tenant, not only those one co-authors (the object-level check). */
  manageAll: 'catalog.content.manage_all',
  /** Approve or reject reviews, publish and archive: someone other than the course's authors, so review means something. */
  review: 'catalog.content.review',
  /** Upload media. */
  mediaUpload: 'catalog.media.upload',
} as const;

/** Who holds the catalog permissions. */
export const catalogGrants: PermissionGrants = {
  [CatalogPermissions.read]: ['student', 'instructor', 'tutor', 'tenant_admin'],
  [CatalogPermissions.author]: ['instructor', 'tenant_admin'],
  [CatalogPermissions.itemsRead]: ['instructor', 'tutor', 'tenant_admin'],
  [CatalogPermissions.manageAll]: ['tenant_admin'],
  [CatalogPermissions.review]: ['tenant_admin'],
  [CatalogPermissions.mediaUpload]: ['instructor', 'tenant_admin'],
};
