import type { Tx } from '@tessera/platform';
import type { CatalogDatabase } from './catalog.table.js';

type Db = Tx<CatalogDatabase>;
import { sql } from 'kysely';

/** Ordered children: modules of a course, lessons of a module, blocks of a lesson. Positions are 1..n, no gaps. */
export type Siblings =
  | { table: 'catalog.modules'; parent: 'course_id'; parentId: string }
  | { table: 'catalog.lessons'; parent: 'module_id'; parentId: string }
  | { table: 'catalog.blocks'; parent: 'lesson_id'; parentId: string };

async function countOf(tx: Db, siblings: Siblings): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(siblings.table)}
    where ${sql.ref(siblings.parent)} = ${siblings.parentId}`.execute(tx);
  return rows[0]?.n ?? 0;
}

async function shift(tx: Db, siblings: Siblings, from: number, to: number, by: 1 | -1): Promise<void> {
  if (from > to) return;
  await sql`update ${sql.table(siblings.table)} set position = position + ${by}
    where ${sql.ref(siblings.parent)} = ${siblings.parentId} and position between ${from} and ${to}`.execute(tx);
}

/** Makes room for a new child at `wanted` (default: last) and returns the position it gets. */
export async function openPosition(tx: Db, siblings: Siblings, wanted: number | undefined): Promise<number> {
  const count = await countOf(tx, siblings);
  const position = Math.min(wanted ?? count + 1, count + 1);
  await shift(tx, siblings, position, count, 1);
  return position;
}

/** Closes the gap a removed (or moved-out) child at `position` left. */
export async function closePosition(tx: Db, siblings: Siblings, position: number): Promise<void> {
  await shift(tx, siblings, position + 1, 2_147_483_647, -1);
}

/** Moves the child at `from` to `wanted` (clamped to the last place), shifting the ones between; returns its position. */
export async function movePosition(tx: Db, siblings: Siblings, id: string, from: number, wanted: number): Promise<number> {
  const count = await countOf(tx, siblings);
  const to = Math.min(wanted, count);
  if (to === from) return from;
  if (to < from) await shift(tx, siblings, to, from - 1, 1);
  else await shift(tx, siblings, from + 1, to, -1);
  await sql`update ${sql.table(siblings.table)} set position = ${to} where id = ${id}`.execute(tx);
  return to;
}
