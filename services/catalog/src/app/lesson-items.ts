import { itemNotFound } from '../items/item-commands.js';
import { deliveryView, type DeliveryView } from '../items/item-delivery.js';
import { getFrozenVersion } from '../items/item-queries.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { courseOfPublishedLesson } from '../db/version.repository.js';
import { assertMayOpen, openVersion, type ContentReader } from './content-access.js';
import { catalogErrors } from './errors.js';
import type { ReadDeps } from './published-reads.js';

/**
 * An item as a student meets it: only when a question block of the published lesson (its current version, or
 * `version`, the one a student in progress follows) embeds it, and then the item version frozen with that
 * course version, without answers: a later publication of the item shows only once the course is published
 * again. Anything else is "not found", so the question bank cannot be browsed through lessons. A paid course's
 * lesson is refused before its blocks are looked at, so a reader without access cannot probe which items it embeds.
 */
export async function embeddedItem(deps: ReadDeps, tenantId: string, reader: ContentReader, lessonId: string, itemId: string, version?: number): Promise<DeliveryView> {
  const courseId = await deps.db.withTenant<CatalogDatabase, string | undefined>(tenantId, (tx) => courseOfPublishedLesson(tx, tenantId, lessonId));
  if (!courseId) throw catalogErrors.lessonNotFound(lessonId);
  const opened = await openVersion(deps, tenantId, courseId, version);
  const { course } = opened;
  const lesson = course.modules.flatMap((module) => module.lessons).find((candidate) => candidate.id === lessonId);
  if (!lesson) throw catalogErrors.lessonNotFound(lessonId);
  await assertMayOpen(deps, tenantId, reader, opened, lessonId);
  const block = lesson.blocks.find((candidate) => candidate.kind === 'question' && candidate.itemId === itemId);
  if (!block) throw itemNotFound(itemId);
  return deliveryView(await getFrozenVersion(deps.db, tenantId, itemId, { version: block.itemVersion, asOf: course.publishedAt }));
}
