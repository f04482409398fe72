import { fileURLToPath } from 'node:url';
import type { HttpApp, ServiceContext, ServiceModule } from '@tessera/platform';
import { seedDemoCatalog } from './app/seed-demo.js';
import { enrollmentAccessConsumer } from './consumers/enrollment-access.js';
import { invalidateCourseCacheConsumer } from './consumers/invalidate-course-cache.js';
import { purchaseAccessConsumer } from './consumers/purchase-access.js';
import { catalogGrants } from './contract/permissions.js';
import { courseRoutes } from './http/course.routes.js';
import { lessonItemRoutes } from './http/lesson-items.routes.js';
import { readRoutes } from './http/read.routes.js';
import { searchRoutes } from './http/search.routes.js';
import { skillRoutes } from './http/skill.routes.js';
import { structureRoutes } from './http/structure.routes.js';
import { workflowRoutes } from './http/workflow.routes.js';
import { itemRoutes } from './items/item.routes.js';
import { mediaRoutes } from './media/media.routes.js';

export {
  CatalogEvents, CatalogPermissions, catalogGrants, type CoursePublishedData, type CourseArchivedData, type ItemPublishedData,
  type SkillGraphChangedData, type PublishedModuleData, type PublishedLessonData, type CourseVisibility,
} from './contract/index.js';
export { CACHE_INVALIDATION_CONSUMER } from './consumers/invalidate-course-cache.js';
export { ENROLLMENT_ACCESS_CONSUMER } from './consumers/enrollment-access.js';
export { PURCHASE_ACCESS_CONSUMER } from './consumers/purchase-access.js';
export { DEMO_COURSE_ID } from './app/seed-demo.js';
export { DEMO_PRACTICE_COURSE_ID } from './app/seed-demo-practice.js';
export { DEMO_PAID_COURSE_ID } from './app/seed-demo-paid.js';

const routeGroups = [courseRoutes, structureRoutes, workflowRoutes, readRoutes, lessonItemRoutes, skillRoutes, searchRoutes, itemRoutes];

/**
 * The catalog service: course drafts (modules, lessons, content blocks) with co-authors, a review workflow
 * that freezes immutable published versions, the tenant's skill graph, the question bank, media, and
 * search over published content (tenant-scoped, and a public catalog across tenants). A paid course's content
 * opens to students with an enrollment in it or, lesson by lesson, a purchase (read from enrollment's and
 * billing's events).
 */
export const catalogService: ServiceModule = {
  name: 'catalog',
  migrations: { schema: 'catalog', directory: fileURLToPath(new URL('./db/migrations', import.meta.url)) },
  permissions: catalogGrants,
  async routes(app: HttpApp, context: ServiceContext) {
    for (const register of routeGroups) await register(app, context);
    await mediaRoutes(app, context);
  },
  consumers: (context) => [invalidateCourseCacheConsumer(context.cache), enrollmentAccessConsumer(context.db), purchaseAccessConsumer(context.db)],
  seedDemo: seedDemoCatalog,
};
