/** The measured phases of the catalog bench, run by the parent against a seeded child over loopback HTTP. */
import { performance } from 'node:perf_hooks';
import type { LoadFigures } from '../kernel/load.js';
import { summarize, type LatencySummary } from '../lib/percentiles.js';
import { hitRatioBetween, readCacheCounts } from './cache-metrics.js';
import { cycle, loadMix, type MixRequest } from './load-mix.js';
import { WARM_UP_SEARCH, type SearchCase, type SearchShape } from './queries.js';
import { Random, Zipf } from './random.js';

export interface PhaseSpec {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface ReadFigures extends LoadFigures {
  distinctCourses: number;
  /** Hits and misses of the kernel cache counters during the measured run (after the warm-up)... */
  cache: { hits: number; misses: number; ratio: number | null };
  /** ...and from the cold cache, priming and warm-up included. */
  cacheFromCold: { hits: number; misses: number; ratio: number | null };
  /** Cache look-ups per measured request (1 when the course read is the only user of the cache). */
  lookupsPerRequest: number;
  /** The same mix over one connection, one request at a time: latency without queueing behind other requests. */
  single: LoadFigures;
}

const ZIPF_EXPONENT = 1;
const READ_SEQUENCE = 200_000;

/** `count` course ids drawn by Zipf popularity over `courseIds` in a shuffled order (popularity owes nothing to age). */
export function popularCourses(courseIds: readonly string[], count: number, seed: number): string[] {
  const random = new Random(seed);
  const byPopularity = random.shuffled(courseIds);
  const zipf = new Zipf(byPopularity.length, ZIPF_EXPONENT);
  return Array.from({ length: count }, () => byPopularity[zipf.draw(random)] as string);
}

/** GET /courses/{id} by popularity, measuring the cache hit ratio from the kernel's own counters. */
export async function measureReads(url: string, authorization: string, courseIds: readonly string[], phase: PhaseSpec): Promise<ReadFigures> {
  const sequence = popularCourses(courseIds, READ_SEQUENCE, 42);
  const next = cycle(sequence.map((id): MixRequest => ({ method: 'GET', path: `/api/v1/courses/${id}`, headers: { authorization } })));
  const cold = await readCacheCounts(url);
  // A catalog in service has had every course it is asked for read within the cache's lifetime; one read of
  // each course of the mix stands in for that history, then the warm-up runs the mix itself.
  const distinct = [...new Set(sequence)];
  const prime = cycle(distinct.map((id): MixRequest => ({ method: 'GET', path: `/api/v1/courses/${id}`, headers: { authorization } })));
  await loadMix(url, { connections: phase.connections, durationSeconds: 600, amount: distinct.length, next: prime });
  if (phase.warmupSeconds > 0) await loadMix(url, { connections: phase.connections, durationSeconds: phase.warmupSeconds, next });
  const warm = await readCacheCounts(url);
  const figures = await loadMix(url, { connections: phase.connections, durationSeconds: phase.durationSeconds, next });
  const after = await readCacheCounts(url);
  const cache = hitRatioBetween(warm, after);
  // autocannon paces a rate in bursts at the start of each second, so a paced run would queue as well.
  const single = await loadMix(url, { connections: 1, durationSeconds: phase.durationSeconds, next });
  return {
    ...figures, distinctCourses: new Set(sequence).size, cache, cacheFromCold: hitRatioBetween(cold, after),
    lookupsPerRequest: (cache.hits + cache.misses) / Math.max(1, figures.requests + figures.non2xx), single,
  };
}

/** The search mix at modest concurrency: latency more than throughput. */
export async function measureSearchMix(url: string, authorization: string, cases: readonly SearchCase[], phase: PhaseSpec): Promise<LoadFigures> {
  const next = cycle(cases.map((c): MixRequest => ({ method: 'GET', path: `/api/v1/search?${c.query}`, headers: { authorization } })));
  if (phase.warmupSeconds > 0) await loadMix(url, { connections: phase.connections, durationSeconds: phase.warmupSeconds, next });
  return loadMix(url, { connections: phase.connections, durationSeconds: phase.durationSeconds, next });
}

export interface ShapeFigures {
  name: string;
  /** The shape's first search, as an example of the others. */
  example: string;
  queries: number;
  /** Mean matches of its searches (the `total` of each answer). */
  meanMatches: number;
  latencyMs: LatencySummary;
}

export interface ShapesFigures {
  shapes: ShapeFigures[];
  /** Every search of every shape. */
  latencyMs: LatencySummary;
  /** Kernel cache look-ups during the measured searches: each search should have missed its cached answer once. */
  cache: { hits: number; misses: number };
}

/**
 * Every search of every shape once, one request at a time, shape after shape. No search repeats, so each
 * answer comes from the database rather than the search cache: what a search costs the first time it is asked.
 */
export async function measureShapes(url: string, authorization: string, shapes: readonly SearchShape[]): Promise<ShapesFigures> {
  // Brings the search's code paths and statements into play before anything is measured.
  await timedSearch(url, authorization, 'warm-up', WARM_UP_SEARCH);
  const before = await readCacheCounts(url);
  const figures: ShapeFigures[] = [];
  const all: number[] = [];
  for (const shape of shapes) {
    const [example] = shape.queries;
    if (example === undefined) throw new Error(`search shape "${shape.name}" has no searches`);
    const latencies: number[] = [];
    let matches = 0;
    for (const query of shape.queries) {
      const { ms, total } = await timedSearch(url, authorization, shape.name, query);
      latencies.push(ms);
      matches += total;
    }
    all.push(...latencies);
    figures.push({ name: shape.name, example, queries: latencies.length, meanMatches: matches / latencies.length, latencyMs: summarize(latencies) });
  }
  const { hits, misses } = hitRatioBetween(before, await readCacheCounts(url));
  return { shapes: figures, latencyMs: summarize(all), cache: { hits, misses } };
}

async function timedSearch(url: string, authorization: string, name: string, query: string): Promise<{ ms: number; total: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/search?${query}`, { headers: { authorization } });
  const body = (await response.json()) as { total?: number };
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`search "${name}" (${query}) answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, total: body.total ?? 0 };
}

/**
 * POST /courses/{id}/enroll by distinct students on free courses: request n is student n mod S in course
 * ⌊n / S⌋ mod F, so no pair repeats within S × F requests and every answer should be 201.
 */
export async function measureEnrollments(url: string, students: readonly string[], freeCourseIds: readonly string[], phase: PhaseSpec): Promise<LoadFigures & { pairs: number }> {
  let n = 0;
  const pairs = students.length * freeCourseIds.length;
  const next = (): MixRequest => {
    if (n >= pairs) throw new Error(`the enrollment run needs more than ${pairs} distinct (student, course) pairs`);
    const student = students[n % students.length] as string;
    const course = freeCourseIds[Math.floor(n / students.length) % freeCourseIds.length] as string;
    n++;
    return { method: 'POST', path: `/api/v1/courses/${course}/enroll`, headers: { authorization: student, 'content-type': 'application/json' }, body: '{}' };
  };
  if (phase.warmupSeconds > 0) await loadMix(url, { connections: phase.connections, durationSeconds: phase.warmupSeconds, next });
  return { ...(await loadMix(url, { connections: phase.connections, durationSeconds: phase.durationSeconds, next })), pairs: n };
}
