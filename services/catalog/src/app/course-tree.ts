import type { Tx } from '@tessera/platform';
import type { TreeModule } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { blocksOfCourse, lessonsOfCourse, modulesOf } from '../db/structure.repository.js';

/** The draft tree of a course: modules → lessons → blocks, each level in position order. Three queries. */
export async function draftTreeOf(tx: Tx<CatalogDatabase>, tenantId: string, courseId: string): Promise<TreeModule[]> {
  const [modules, lessons, blocks] = [
    await modulesOf(tx, tenantId, courseId), await lessonsOfCourse(tx, tenantId, courseId), await blocksOfCourse(tx, tenantId, courseId),
  ];
  return modules.map((module) => ({
    id: module.id, title: module.title, summary: module.summary, position: module.position,
    lessons: lessons.filter((lesson) => lesson.moduleId === module.id).map((lesson) => ({
      id: lesson.id, title: lesson.title, summary: lesson.summary, position: lesson.position, skills: lesson.skills,
      blocks: blocks.filter((block) => block.lessonId === lesson.id).map((block) => ({
        id: block.id, kind: block.kind, title: block.title, markdown: block.markdown, html: block.html,
        mediaId: block.mediaId, itemId: block.itemId, position: block.position,
      })),
    })),
  }));
}
