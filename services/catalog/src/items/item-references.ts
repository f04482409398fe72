import { AppError, type Tx } from '@tessera/platform';
import type { CatalogDatabase } from '../db/catalog.table.js';
import { skillNames } from '../db/skill.repository.js';
import type { ItemContent } from './item-types.js';

/** An id an item names that its tenant does not have (another tenant's, or made up). */
export interface UnknownReference {
  code: 'CATALOG.UNKNOWN_SKILL' | 'CATALOG.UNKNOWN_COURSE';
  /** Where in the item, e.g. `/skills/1`. */
  pointer: string;
  detail: string;
}

/** For each of `items`, the skills and the course it names that the tenant does not have (all in two queries). */
export async function unknownReferences<DB>(tx: Tx<DB>, tenantId: string, items: readonly ItemContent[]): Promise<UnknownReference[][]> {
  const db = tx as unknown as Tx<CatalogDatabase>;
  const skillIds = [...new Set(items.flatMap((item) => item.skills ?? []))];
  const courseIds = [...new Set(items.flatMap((item) => (item.courseId ? [item.courseId] : [])))];
  const skills = await skillNames(db, tenantId, skillIds);
  const courses = courseIds.length === 0 ? new Set<string>() : new Set((await db.selectFrom('catalog.courses').select('id')
    .where('tenant_id', '=', tenantId).where('id', 'in', courseIds).execute()).map((row) => row.id));
  return items.map((item) => [
    ...(item.skills ?? []).flatMap((id, index): UnknownReference[] =>
      (skills.has(id) ? [] : [{ code: 'CATALOG.UNKNOWN_SKILL', pointer: `/skills/${index}`, detail: `no skill ${id}` }])),
    ...(item.courseId && !courses.has(item.courseId)
      ? [{ code: 'CATALOG.UNKNOWN_COURSE' as const, pointer: '/courseId', detail: `no course ${item.courseId}` }] : []),
  ]);
}

/** Refuses an authored item naming skills or a course the tenant does not have: 422 with the code of the first, pointing at each. */
export async function assertReferencesExist<DB>(tx: Tx<DB>, tenantId: string, item: ItemContent): Promise<void> {
  const [unknown = []] = await unknownReferences(tx, tenantId, [item]);
  const [first] = unknown;
  if (!first) return;
  throw new AppError('unprocessable', first.code, unknown.map((u) => u.detail).join('; '), {
    errors: unknown.map((u) => ({ pointer: `/body${u.pointer}`, detail: u.detail })),
  });
}
