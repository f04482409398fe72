/**
 * Seeds the adaptive bench's tenant, unmeasured. What other services announce goes through adaptive's own
 * consumers, handed each event as the bus would deliver it: catalog's skill graph, course and items, and
 * enrollment's activations. The students' practice history is simulated (history.ts) and inserted in bulk as
 * the tenant (row-level security on): responses, mastery, abilities and the items' use counts, the rows the
 * practice use case writes, without going through it (100,000 answers one by one would take most of an hour).
 */
import { performance } from 'node:perf_hooks';
import { adaptiveService, CATALOG_CONSUMER, ENROLLMENTS_CONSUMER } from '@tessera/adaptive';
import { CatalogEvents, type ItemPublishedData } from '@tessera/catalog/contract';
import { EnrollmentEvents, type EnrollmentEventData } from '@tessera/enrollment/contract';
import { toCloudEvent, type ConsumerRegistration, type Database, type Platform } from '@tessera/platform';
import { testTenant } from '@tessera/platform/testing';
import { sql } from 'kysely';
import type { TableRows } from '../catalog/corpus.js';
import { Random } from '../catalog/random.js';
import { insertTables } from '../catalog/seed.js';
import { catalogShape, type CatalogShape } from './catalog-shape.js';
import { HistoryGenerator, type HistoryItem } from './history.js';

export interface SeedSpec {
  skills: number;
  chains: number;
  items: number;
  students: number;
  responsesPerStudent: number;
}

export interface SeededTenant {
  tenantId: string;
  courseId: string;
  userIds: string[];
  shape: CatalogShape;
}

export interface SeedFigures {
  /** Seconds per step: catalog announcements, enrollments, simulated history. */
  seconds: { catalog: number; enrollments: number; history: number };
  rows: Record<string, number>;
}

const SEED = 20_260_101;
/** Announcements handled this many at a time: the pool's connections, not the handler, bound them. */
const ANNOUNCE_CONCURRENCY = 8;
const STUDENTS_PER_TRANSACTION = 250;

export async function seedAdaptive(platform: Platform, spec: SeedSpec, log: (line: string) => void): Promise<{ tenant: SeededTenant; figures: SeedFigures }> {
  const { tenantId } = await testTenant(platform, ['tenant_admin']);
  const deliver = deliveryTo(platform, tenantId);
  const shape = catalogShape({ skills: spec.skills, chains: spec.chains, items: spec.items, seed: SEED }, new Date());
  let started = performance.now();
  await deliver(CATALOG_CONSUMER, CatalogEvents.skillGraphChanged, shape.graph);
  await deliver(CATALOG_CONSUMER, CatalogEvents.coursePublished, shape.course);
  await inParallel(shape.items, ANNOUNCE_CONCURRENCY, (item) => deliver(CATALOG_CONSUMER, CatalogEvents.itemPublished, item));
  const catalog = secondsSince(started);
  log(`seed: ${spec.skills} skills in ${spec.chains} chains, 1 course, ${spec.items} items announced in ${catalog.toFixed(1)} s`);

  started = performance.now();
  const random = new Random(SEED + 1);
  const userIds = Array.from({ length: spec.students }, () => random.uuid());
  const courseId = shape.course.courseId;
  await inParallel(userIds, ANNOUNCE_CONCURRENCY, (userId) => deliver(ENROLLMENTS_CONSUMER, EnrollmentEvents.activated, {
    enrollmentId: random.uuid(), courseId, userId, courseVersion: 1, status: 'active', priceRef: null,
  } satisfies EnrollmentEventData));
  const enrollments = secondsSince(started);
  log(`seed: ${spec.students} enrollments in ${enrollments.toFixed(1)} s`);

  started = performance.now();
  const rows: Record<string, number> = {};
  await insertHistory(platform.db, { tenantId, courseId, userIds, shape }, spec, rows);
  // Fresh statistics, as autovacuum would have gathered on a database that grew to this size over time.
  await sql`analyze`.execute(platform.db.system);
  const history = secondsSince(started);
  log(`seed: ${rows['adaptive.responses'] ?? 0} responses of history in ${history.toFixed(1)} s`);
  return { tenant: { tenantId, courseId, userIds, shape }, figures: { seconds: { catalog, enrollments, history }, rows } };
}

async function insertHistory(db: Database, tenant: SeededTenant, spec: SeedSpec, rows: Record<string, number>): Promise<void> {
  const itemsBySkill = new Map<string, HistoryItem[]>();
  for (const item of tenant.shape.items) {
    const skill = item.skills[0] as string;
    const list = itemsBySkill.get(skill) ?? [];
    list.push({ itemId: item.itemId, difficulty: difficultyOf(item) });
    itemsBySkill.set(skill, list);
  }
  const generator = new HistoryGenerator({
    tenantId: tenant.tenantId, courseId: tenant.courseId, skillOrder: tenant.shape.skillOrder, itemsBySkill,
    responsesPerStudent: spec.responsesPerStudent, seed: SEED + 2, now: new Date(),
  });
  for (let start = 0; start < tenant.userIds.length; start += STUDENTS_PER_TRANSACTION) {
    const slice: TableRows = new Map([['adaptive.responses', []], ['adaptive.mastery', []], ['adaptive.abilities', []]]);
    for (const userId of tenant.userIds.slice(start, start + STUDENTS_PER_TRANSACTION)) {
      const student = generator.student(userId);
      slice.get('adaptive.responses')?.push(...student.responses);
      slice.get('adaptive.mastery')?.push(...student.mastery);
      slice.get('adaptive.abilities')?.push(student.ability);
    }
    await insertTables(db, tenant.tenantId, slice, rows);
  }
  const uses = [...generator.itemUse];
  await db.withTenant<unknown, void>(tenant.tenantId, async (tx) => {
    await sql`update adaptive.items as i set practice_uses = u.uses, gain_sum = u.gain_sum, gain_n = u.uses
      from (select unnest(${uses.map(([itemId]) => itemId)}::uuid[]) as item_id, unnest(${uses.map(([, use]) => use.uses)}::int[]) as uses,
        unnest(${uses.map(([, use]) => use.gainSum)}::float8[]) as gain_sum) as u
      where i.tenant_id = ${tenant.tenantId} and i.item_id = u.item_id`.execute(tx);
  });
}

function difficultyOf(item: ItemPublishedData): number {
  return item.difficulty ?? 0.5;
}

/** Hands an event to one of adaptive's consumers, as the bus would deliver it. */
function deliveryTo(platform: Platform, tenantId: string): (durable: string, name: string, data: object) => Promise<void> {
  const registrations: ConsumerRegistration[] = adaptiveService.consumers?.(platform) ?? [];
  return async (durable, name, data) => {
    const registration = registrations.find((r) => r.spec.durable === durable);
    if (!registration) throw new Error(`adaptive has no consumer ${durable}`);
    await registration.handler(toCloudEvent({ name, data }, { tenantId }), { attempt: 1, subject: `tessera.${name}` });
  };
}

async function inParallel<T>(values: readonly T[], concurrency: number, work: (value: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < values.length; index = next++) await work(values[index] as T);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
