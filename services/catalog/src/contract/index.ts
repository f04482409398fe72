/** The catalog service's public contract: permissions, event names and payloads, HTTP schemas. */
export { CatalogPermissions, catalogGrants } from './permissions.js';
export {
  CatalogEvents, type CourseVisibility, type CoursePublishedData, type CourseArchivedData, type ItemPublishedData,
  type SkillGraphChangedData, type PublishedModuleData, type PublishedLessonData,
} from './events.js';
export * from './schemas.js';
export * from './structure.js';
export * from './skills.js';
export * from './search.js';
export * from './items.js';
