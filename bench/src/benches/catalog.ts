import { SEARCH_MATCH_CAP } from '@tessera/catalog/contract';
import { backendFlags, numberFlag, stringFlag } from '../lib/flags.js';
import type { Bench, Cell, Json, Table } from '../lib/bench.js';
import { loadAverage } from '../lib/machine.js';
import { asJson } from '../lib/results.js';
import { chooseBackends, type BackendSet } from '../kernel/backends.js';
import { BenchChild } from '../kernel/child.js';
import type { LoadFigures } from '../kernel/load.js';
import type { CatalogChildSpec } from '../catalog/catalog-child.js';
import { measureEnrollments, measureReads, measureSearchMix, measureShapes, type PhaseSpec, type ReadFigures, type ShapesFigures } from '../catalog/measure.js';
import { searchMix, searchShapes } from '../catalog/queries.js';
import type { SeedFigures } from '../catalog/seed.js';
import { WORDS } from '../catalog/vocabulary.js';

const STOP_TIMEOUT_MS = 120_000;

interface Row {
  backends: string;
  seed: SeedFigures;
  reads: ReadFigures;
  search: LoadFigures;
  shapes: ShapesFigures;
  enroll: LoadFigures & { pairs: number };
  loadAverage: number;
}

interface Plan {
  child: CatalogChildSpec;
  reads: PhaseSpec;
  search: PhaseSpec;
  enroll: PhaseSpec;
  /** Distinct searches per shape of the mix, each asked once. */
  instancesPerShape: number;
  seedTimeoutMs: number;
}

/**
 * The catalog's hot paths on a seeded tenant: the cached read of a published course, search over published
 * courses and lessons, and self-enrollment, each over keep-alive HTTP against the real app in a child process.
 */
export const bench: Bench = {
  name: 'catalog',
  description: 'Published course reads (cached) req/s and p99 with the cache hit ratio, search p50/p99 over a fixed query mix (cached) and over distinct queries of its shapes (uncached), enrollments/s, on a seeded catalog.',
  flags: {
    ...backendFlags,
    courses: { type: 'string', description: 'published courses in the main tenant (default 5000, quick 300)' },
    items: { type: 'string', description: 'published items in the main tenant (default 100000, quick 5000)' },
    duration: { type: 'string', description: 'seconds of measured load per phase (default 10, quick 2)' },
    connections: { type: 'string', description: 'connections for course reads (default 32); search uses 4, enrollment 16' },
  },
  async run(options) {
    const { quick, log } = options;
    const sets = chooseBackends({ backends: stringFlag(options, 'backends'), distributed: options.flags.distributed === true, embeddedData: 'disk' }, process.env);
    const plan = planOf(quick, (name, fallback) => numberFlag(options, name, fallback));
    log(`seed: ${plan.child.seed.courses} courses, ${plan.child.seed.items} items in the main tenant; ${plan.child.seed.noiseTenants} noise tenants of ${plan.child.seed.noiseCourses} courses and ${plan.child.seed.noiseItems} items`);
    const rows: Row[] = [];
    for (const set of sets) rows.push(await measureIn(set, plan, log));
    const failed = rows.flatMap((row) => [row.reads, row.reads.single, row.search, row.enroll].filter((f) => f.non2xx > 0 || f.errors > 0 || f.timeouts > 0)
      .map((f) => `${row.backends}: ${JSON.stringify(f.statusCodes)}, ${f.errors} errors, ${f.timeouts} timeouts`));
    if (failed.length > 0) throw new Error(`Requests failed: ${failed.join('; ')}`);
    return {
      parameters: {
        backends: sets.map((s) => s.name).join(', '), ...plan.child.seed, students: plan.child.students,
        readConnections: plan.reads.connections, searchConnections: plan.search.connections, enrollConnections: plan.enroll.connections,
        durationSeconds: plan.reads.durationSeconds, warmupSeconds: plan.reads.warmupSeconds, searchesPerShape: plan.instancesPerShape,
      },
      tables: [summaryTable(rows), shapeTable(rows, plan)],
      figures: { rows: rows.map(asJson) as Json },
      notes: notes(plan),
    };
  },
};

function planOf(quick: boolean, number: (name: string, fallback: number) => number): Plan {
  const courses = number('courses', quick ? 300 : 5_000);
  const items = number('items', quick ? 5_000 : 100_000);
  const durationSeconds = number('duration', quick ? 2 : 10);
  const warmupSeconds = quick ? 1 : 3;
  return {
    child: {
      seed: { courses, items, noiseTenants: 3, noiseCourses: Math.ceil(courses / 10), noiseItems: Math.ceil(items / 20), skills: 40 },
      students: quick ? 200 : 2_000,
    },
    reads: { connections: number('connections', 32), warmupSeconds, durationSeconds },
    search: { connections: 4, warmupSeconds, durationSeconds },
    enroll: { connections: 16, warmupSeconds: 1, durationSeconds },
    instancesPerShape: quick ? 5 : 30,
    seedTimeoutMs: (quick ? 5 : 40) * 60_000,
  };
}

async function measureIn(set: BackendSet, plan: Plan, log: (line: string) => void): Promise<Row> {
  const env = { ...set.env, RATE_LIMIT_USER_PER_MINUTE: '1000000000', RATE_LIMIT_TENANT_PER_MINUTE: '1000000000' };
  const child = BenchChild.start('../catalog/catalog-child.ts', plan.child, env, `catalog (${set.name})`);
  try {
    const { figures } = await child.receive('figures', plan.seedTimeoutMs);
    const ready = await child.receive('ready', 60_000);
    const authorization = ready.authorization ?? '';
    const seed = figures.seed as unknown as SeedFigures;
    log(`${ready.backends}: seeded in ${seed.seconds.toFixed(1)} s (${Math.round(seed.rowsPerSecond)} rows/s)`);
    const loadAverageAtStart = loadAverage()[0] ?? 0;
    const reads = await measureReads(ready.url, authorization, figures.courseIds as string[], plan.reads);
    log(`${ready.backends}: course reads ${Math.round(reads.requestsPerSecond)}/s, p99 ${reads.latencyMs.p99.toFixed(2)} ms, hit ratio ${percent(reads.cache.ratio)}`);
    // Distinct searches first: the mix's searches are not among them, and the mix is answered from the cache.
    const shapes = await measureShapes(ready.url, authorization, searchShapes(plan.instancesPerShape));
    log(`${ready.backends}: ${shapes.latencyMs.count} distinct searches (uncached) p50 ${shapes.latencyMs.p50.toFixed(2)} ms, p99 ${shapes.latencyMs.p99.toFixed(2)} ms; cache misses ${shapes.cache.misses}`);
    const search = await measureSearchMix(ready.url, authorization, searchMix(), plan.search);
    log(`${ready.backends}: search mix ${Math.round(search.requestsPerSecond)}/s, p50 ${search.latencyMs.p50.toFixed(2)} ms, p99 ${search.latencyMs.p99.toFixed(2)} ms`);
    const enroll = await measureEnrollments(ready.url, figures.students as string[], figures.freeCourseIds as string[], plan.enroll);
    log(`${ready.backends}: enrollments ${Math.round(enroll.requestsPerSecond)}/s, p99 ${enroll.latencyMs.p99.toFixed(1)} ms`);
    await child.stop(STOP_TIMEOUT_MS);
    return { backends: ready.backends, seed, reads, search, shapes, enroll, loadAverage: loadAverageAtStart };
  } catch (error) {
    await child.stop(STOP_TIMEOUT_MS).catch(() => undefined);
    throw error;
  }
}

function percent(ratio: number | null): string {
  return ratio === null ? 'n/a' : `${(ratio * 100).toFixed(2)} %`;
}

function summaryTable(rows: Row[]): Table {
  return {
    title: 'Catalog: cached course reads, search, enrollment',
    columns: [
      { key: 'backends', title: 'backends' },
      { key: 'seed', title: 'seed s', decimals: 0 },
      { key: 'readRps', title: 'course reads/s' },
      { key: 'readP50', title: 'read p50 ms', decimals: 2 },
      { key: 'readP99', title: 'read p99 ms', decimals: 2 },
      { key: 'singleP50', title: 'read p50 ms, 1 conn', decimals: 2 },
      { key: 'singleP99', title: 'read p99 ms, 1 conn', decimals: 2 },
      { key: 'hitRatio', title: 'hit ratio %', decimals: 2 },
      { key: 'searchRps', title: 'searches/s' },
      { key: 'searchP50', title: 'search p50 ms (mix)', decimals: 1 },
      { key: 'searchP99', title: 'search p99 ms (mix)', decimals: 1 },
      { key: 'uncachedP50', title: 'uncached search p50 ms', decimals: 1 },
      { key: 'uncachedP99', title: 'uncached search p99 ms', decimals: 1 },
      { key: 'enrollRps', title: 'enrollments/s' },
      { key: 'enrollP99', title: 'enroll p99 ms', decimals: 1 },
      { key: 'load', title: 'load 1m', decimals: 1 },
    ],
    rows: rows.map((row): Record<string, Cell> => ({
      backends: row.backends,
      seed: row.seed.seconds,
      readRps: Math.round(row.reads.requestsPerSecond),
      readP50: row.reads.latencyMs.p50,
      readP99: row.reads.latencyMs.p99,
      singleP50: row.reads.single.latencyMs.p50,
      singleP99: row.reads.single.latencyMs.p99,
      hitRatio: row.reads.cache.ratio === null ? null : row.reads.cache.ratio * 100,
      searchRps: Math.round(row.search.requestsPerSecond),
      searchP50: row.search.latencyMs.p50,
      searchP99: row.search.latencyMs.p99,
      uncachedP50: row.shapes.latencyMs.p50,
      uncachedP99: row.shapes.latencyMs.p99,
      enrollRps: Math.round(row.enroll.requestsPerSecond),
      enrollP99: row.enroll.latencyMs.p99,
      load: row.loadAverage,
    })),
  };
}

/** One row per shape of the search mix, p50/p99 of each backend set side by side. */
function shapeTable(rows: Row[], plan: Plan): Table {
  const first = rows[0]?.shapes.shapes ?? [];
  return {
    title: `Search: each query shape, ${plan.instancesPerShape} distinct queries one at a time, uncached (ms)`,
    columns: [
      { key: 'name', title: 'shape' },
      { key: 'example', title: 'example parameters' },
      { key: 'queries', title: 'queries' },
      { key: 'matches', title: 'mean matches', decimals: 0 },
      ...rows.flatMap((row, i) => [
        { key: `p50_${i}`, title: `${shortName(row.backends)} p50`, decimals: 1 },
        { key: `p99_${i}`, title: `${shortName(row.backends)} p99`, decimals: 1 },
      ]),
    ],
    rows: first.map((shape, s): Record<string, Cell> => {
      const cells: Record<string, Cell> = { name: shape.name, example: shape.example, queries: shape.queries, matches: shape.meanMatches };
      rows.forEach((row, i) => {
        cells[`p50_${i}`] = row.shapes.shapes[s]?.latencyMs.p50 ?? null;
        cells[`p99_${i}`] = row.shapes.shapes[s]?.latencyMs.p99 ?? null;
      });
      return cells;
    }),
  };
}

function shortName(backends: string): string {
  return backends.split(' · ')[0] ?? backends;
}

function notes(plan: Plan): string[] {
  return [
    `Budgets: cached course read p99 ≤ 5 ms (compare the "1 conn" column), search p99 ≤ 25 ms (the mix; the uncached figures are shown beside it), cache hit ratio > 99 % on the read mix.`,
    'Seeding (not measured as load): a sample course (2 modules, 4 lessons, rich-text blocks) and a single-choice item are authored and published through the catalog\'s HTTP API (the real use cases, which also emit catalog.course.published; enrollment\'s consumer builds its read model from it). Every other course and item is generated in their shape and inserted with multi-row INSERTs as the tenant (RLS on), one slice per transaction: the draft tree, the frozen version, the review-log entry, published lessons, search documents, and enrollment\'s read model rows (enrollment.courses, course_versions, course_lessons) directly, without events. Before the bulk insert the bench checks that its generators produce, for the sample, exactly the search documents and enrollment rows the use cases wrote, and snapshots with the same JSON paths; then it runs ANALYZE.',
    `Corpus: text from a fixed ${WORDS.length}-word vocabulary drawn by a Zipf law (common words match most documents, rare ones a few); 2–4 modules of 2–4 lessons per course, 1–2 blocks of 40–120 words per lesson; 12 categories, 3 levels, 5 languages (70 % en), 20 % priced; noise tenants hold a tenth of the courses and a twentieth of the items each.`,
    `Course reads: GET /api/v1/courses/{id} as one student over ${plan.reads.connections} keep-alive connections, ids drawn by a Zipf law (exponent 1) over every published course of the tenant in a shuffled order; the hit ratio is the change of the kernel's tessera_cache_requests_total counters (GET /metrics) over the measured run, after one read of every course in the mix (standing in for a catalog in service, whose popular courses were read within the cache's 5-minute lifetime) and ${plan.reads.warmupSeconds} s of warm-up with the mix; the JSON figures also give the ratio from the cold cache, priming included. The "1 conn" columns replay the mix over a single keep-alive connection, one request at a time: the latency of a read itself, since at saturation a closed loop of ${plan.reads.connections} connections measures mostly the queue (p99 ≈ connections ÷ throughput).`,
    `Search: GET /api/v1/search (every answer includes facets). The mix is 14 fixed queries, one per shape of the second table, round robin over ${plan.search.connections} connections after ${plan.search.warmupSeconds} s of warm-up; since it repeats the same 14 queries, after the warm-up it is answered from the search cache (identical searches share one answer for 60 s, until a publish or archive in the scope). The uncached columns and the second table measure the database search itself: before the mix, after one unmeasured search, ${plan.instancesPerShape} distinct queries of each shape (other words, prefixes and filters; none repeats, none is a query of the mix), each asked once, one at a time. The uncached p50/p99 are over all of them; a shape has fewer queries when the vocabulary runs out of distinct ones. Matches are counted up to the search's cap of ${SEARCH_MATCH_CAP}.`,
    `Enrollment: POST /api/v1/courses/{id}/enroll by ${plan.child.students} distinct students (tokens from platform.tokens.issue) on free courses over ${plan.enroll.connections} connections, each (student, course) pair once; each is a transaction that locks the course row, checks seats and window, inserts the enrollment and emits two events through the outbox.`,
    'The load generator (autocannon) runs in the bench process and the server in a child process on the same machine; on 2 cores they compete, so throughput figures are bounded by the load generator as well.',
  ];
}
