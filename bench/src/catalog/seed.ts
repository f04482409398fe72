/**
 * Seeds the catalog bench: a main tenant with many published courses and items, plus noise tenants. A sample
 * course and item go through the real use cases (see sample.ts); everything else is generated in their shape
 * and inserted with multi-row INSERTs, a slice per transaction, as the tenant (row-level security applies).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PublishedCourse } from '@tessera/catalog/contract';
import type { Database, HttpApp } from '@tessera/platform';
import { testTenant, type TestPlatform, type TestTenant } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { catalogRowsOf, courseGenerator, enrollmentRowsOf, mergeRows, wordFrequency, type Row, type TableRows } from './corpus.js';
import { generateItem } from './items.js';
import { Random } from './random.js';
import { assertSameShape, createSkills, publishSamples, type Samples } from './sample.js';
import { WORDS } from './vocabulary.js';

export interface SeedSpec {
  courses: number;
  items: number;
  noiseTenants: number;
  noiseCourses: number;
  noiseItems: number;
  /** Skills of the main tenant (noise tenants get a quarter). */
  skills: number;
}

export interface SeededTenant {
  tenantId: string;
  courseIds: string[];
  /** Courses without a price: a student's own enrollment is active at once. */
  freeCourseIds: string[];
}

export interface SeedFigures {
  seconds: number;
  rows: Record<string, number>;
  /** Rows inserted per second over the bulk part (the samples through the API excluded). */
  rowsPerSecond: number;
}

const COURSES_PER_TRANSACTION = 100;
const ITEMS_PER_TRANSACTION = 2_000;
/** PostgreSQL takes at most 65,535 parameters a statement; stay well below. */
const PARAMETERS_PER_STATEMENT = 30_000;

/** Seeds the main tenant (returned with its courses) and the noise tenants. */
export async function seedCatalog(platform: TestPlatform, app: HttpApp, spec: SeedSpec, log: (line: string) => void): Promise<{ main: SeededTenant; figures: SeedFigures }> {
  const started = performance.now();
  const rows: Record<string, number> = {};
  const admin = await testTenant(platform, ['tenant_admin']);
  const skills = await createSkills(app, admin, skillNames(spec.skills));
  const samples = await publishSamples(platform, app, admin, skills);
  const bulkStarted = performance.now();
  const main = await seedTenant(platform.db, admin, samples, skills, { courses: spec.courses, items: spec.items, seed: 1 }, rows);
  main.courseIds.push(samples.course.id);
  log(`main tenant: ${spec.courses} courses and ${spec.items} items in ${Math.round(performance.now() - bulkStarted) / 1000} s`);
  for (let t = 0; t < spec.noiseTenants; t++) {
    const other = await testTenant(platform, ['tenant_admin']);
    const otherSkills = await createSkills(app, other, skillNames(Math.max(1, Math.floor(spec.skills / 4))));
    await seedTenant(platform.db, other, samples, otherSkills, { courses: spec.noiseCourses, items: spec.noiseItems, seed: 100 + t }, rows);
  }
  const bulkSeconds = (performance.now() - bulkStarted) / 1000;
  // Fresh statistics, as autovacuum would have gathered on a database that grew to this size over time.
  await sql`analyze`.execute(platform.db.system);
  const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
  return { main, figures: { seconds: (performance.now() - started) / 1000, rows, rowsPerSecond: total / bulkSeconds } };
}

async function seedTenant(db: Database, admin: TestTenant, samples: Samples, skills: string[],
  spec: { courses: number; items: number; seed: number }, counts: Record<string, number>): Promise<SeededTenant> {
  const generate = courseGenerator(spec.seed, {
    tenantId: admin.tenantId, instructorId: admin.subject, skills, publishedAt: new Date(), html: samples.html, pricedShare: 0.2,
  });
  assertSameShape(generate(0), samples.course);
  const seeded: SeededTenant = { tenantId: admin.tenantId, courseIds: [], freeCourseIds: [] };
  for (let start = 0; start < spec.courses; start += COURSES_PER_TRANSACTION) {
    const slice: TableRows = new Map();
    for (let index = start; index < Math.min(spec.courses, start + COURSES_PER_TRANSACTION); index++) {
      const course: PublishedCourse = generate(index);
      mergeRows(slice, catalogRowsOf(course, admin.tenantId, samples.html, randomUUID()));
      mergeRows(slice, enrollmentRowsOf(course, admin.tenantId));
      seeded.courseIds.push(course.id);
      if (course.priceRef === null) seeded.freeCourseIds.push(course.id);
    }
    await insertTables(db, admin.tenantId, slice, counts);
  }
  const random = new Random(spec.seed * 7_919);
  const words = wordFrequency();
  const publishedAt = new Date();
  for (let start = 0; start < spec.items; start += ITEMS_PER_TRANSACTION) {
    const slice: TableRows = new Map();
    for (let index = start; index < Math.min(spec.items, start + ITEMS_PER_TRANSACTION); index++) {
      mergeRows(slice, generateItem(random, words, samples.item, { tenantId: admin.tenantId, authorId: admin.subject, skills, publishedAt }));
    }
    await insertTables(db, admin.tenantId, slice, counts);
  }
  return seeded;
}

/** Inserts every table's rows in one transaction as the tenant, in statements of as many rows as parameters allow. */
export async function insertTables(db: Database, tenantId: string, tables: TableRows, counts: Record<string, number>): Promise<void> {
  await db.withTenant<unknown, void>(tenantId, async (tx) => {
    for (const [table, rows] of tables) {
      const columns = Object.keys(rows[0] ?? {});
      if (columns.length === 0) continue;
      const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns.length));
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
          values ${sql.join(chunk.map((row: Row) => sql`(${sql.join(columns.map((c) => row[c]))})`))}`.execute(tx);
      }
      counts[table] = (counts[table] ?? 0) + rows.length;
    }
  });
}

/** Distinct skill names from the vocabulary ("Algebra", "Geometry", ..., then "Algebra 2", ...). */
function skillNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const word = WORDS[(30 + i) % WORDS.length] as string;
    const round = Math.floor((30 + i) / WORDS.length);
    return `${word.charAt(0).toUpperCase()}${word.slice(1)}${round > 0 ? ` ${round + 1}` : ''}`;
  });
}
