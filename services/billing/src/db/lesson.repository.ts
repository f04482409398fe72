import type { Selectable } from 'kysely';
import type { Tx } from '@tessera/platform';
import type { BillingDatabase, LessonsTable } from './billing.table.js';

type Db = Tx<BillingDatabase>;
export type LessonRow = Omit<Selectable<LessonsTable>, 'tenant_id'>;

/** The lessons of a course's newly published version, in course order: on sale; lessons it no longer has: withdrawn. */
export async function replaceCourseLessons(tx: Db, tenantId: string, courseId: string, lessons: ReadonlyArray<{ lessonId: string; title: string }>): Promise<void> {
  await tx.updateTable('billing.lessons').set({ on_sale: false }).where('tenant_id', '=', tenantId).where('course_id', '=', courseId).execute();
  if (lessons.length === 0) return;
  await tx.insertInto('billing.lessons')
    .values(lessons.map((lesson, ordinal) => ({ tenant_id: tenantId, lesson_id: lesson.lessonId, course_id: courseId, title: lesson.title, ordinal, on_sale: true })))
    .onConflict((oc) => oc.columns(['tenant_id', 'lesson_id']).doUpdateSet((eb) => ({
      course_id: eb.ref('excluded.course_id'), title: eb.ref('excluded.title'), ordinal: eb.ref('excluded.ordinal'), on_sale: true,
    })))
    .execute();
}

export async function findLesson(tx: Db, tenantId: string, lessonId: string): Promise<LessonRow | undefined> {
  return tx.selectFrom('billing.lessons').select(['lesson_id', 'course_id', 'title', 'ordinal', 'on_sale'])
    .where('tenant_id', '=', tenantId).where('lesson_id', '=', lessonId).executeTakeFirst();
}

/** The course's lessons on sale, in course order. */
export async function lessonsOnSale(tx: Db, tenantId: string, courseId: string): Promise<LessonRow[]> {
  return tx.selectFrom('billing.lessons').select(['lesson_id', 'course_id', 'title', 'ordinal', 'on_sale'])
    .where('tenant_id', '=', tenantId).where('course_id', '=', courseId).where('on_sale', '=', true).orderBy('ordinal').execute();
}
