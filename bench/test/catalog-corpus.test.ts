import { describe, expect, it } from 'vitest';
import { cacheCountsOf, hitRatioBetween } from '../src/catalog/cache-metrics.js';
import { canonicalJson, catalogRowsOf, courseGenerator, enrollmentRowsOf, keyPaths, rowDifferences, searchRowsOf } from '../src/catalog/corpus.js';
import { cycle } from '../src/catalog/load-mix.js';
import { popularCourses } from '../src/catalog/measure.js';
import { searchMix } from '../src/catalog/queries.js';
import { Random, Zipf } from '../src/catalog/random.js';

const html = { before: '<p>', after: '</p>\n' };
const spec = { tenantId: '00000000-0000-4000-8000-000000000001', instructorId: '00000000-0000-4000-8000-000000000002', skills: ['00000000-0000-4000-8000-0000000000a1'], publishedAt: new Date('2026-01-01T00:00:00Z'), html, pricedShare: 0.2 };

describe('random and Zipf', () => {
  it('is deterministic per seed and yields v4-shaped uuids', () => {
    const a = new Random(7);
    const b = new Random(7);
    const draws = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(draws);
    for (const value of draws) expect(value >= 0 && value < 1).toBe(true);
    expect(new Random(1).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('draws low ranks most often, every rank within range', () => {
    const zipf = new Zipf(100, 1);
    const random = new Random(3);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const rank = zipf.draw(random);
      expect(rank >= 0 && rank < 100).toBe(true);
      counts[rank] = (counts[rank] ?? 0) + 1;
    }
    // 1/H(100) ≈ 19 % of draws are rank 0, about twice rank 1 and ten times rank 9.
    expect((counts[0] ?? 0) / 20_000).toBeGreaterThan(0.17);
    expect((counts[0] ?? 0) / 20_000).toBeLessThan(0.22);
    expect(counts[0]).toBeGreaterThan((counts[1] ?? 0) * 1.6);
    expect(zipf.rankOf(0)).toBe(0);
    expect(zipf.rankOf(0.999_999_999)).toBe(99);
    expect(() => new Zipf(0, 1)).toThrow(RangeError);
  });

  it('draws popular courses from the given ids only, repeatably', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const drawn = popularCourses(ids, 1_000, 5);
    expect(new Set(drawn).size).toBeLessThanOrEqual(4);
    for (const id of drawn) expect(ids).toContain(id);
    expect(popularCourses(ids, 1_000, 5)).toEqual(drawn);
  });

  it('cycles through a sequence', () => {
    const next = cycle([1, 2, 3]);
    expect([next(), next(), next(), next()]).toEqual([1, 2, 3, 1]);
    expect(() => cycle([])).toThrow(RangeError);
  });
});

describe('generated courses', () => {
  const course = courseGenerator(1, spec)(0);

  it('rebuilds the same course for the same index', () => {
    expect(courseGenerator(1, spec)(0)).toEqual(course);
    expect(courseGenerator(1, spec)(1).id).not.toBe(course.id);
  });

  it('indexes the course and every lesson, with the outline and block text as bodies', () => {
    const rows = searchRowsOf(course, spec.tenantId, html);
    const lessons = course.modules.flatMap((m) => m.lessons);
    expect(rows.map((r) => r.kind)).toEqual(['course', ...lessons.map(() => 'lesson')]);
    expect(rows[0]?.body).toContain(course.modules[0]?.title);
    const block = lessons[0]?.blocks[0];
    expect(rows[1]?.body).toBe(lessons[0]?.blocks.map((b) => ` ${b.markdown}`).join(' '));
    expect(block?.html).toBe(`<p>${block?.markdown}</p>\n`);
  });

  it('gives enrollment one version with its lessons in course order', () => {
    const rows = enrollmentRowsOf(course, spec.tenantId);
    const lessons = rows.get('enrollment.course_lessons') ?? [];
    expect(rows.get('enrollment.course_versions')?.[0]?.lesson_count).toBe(lessons.length);
    expect(lessons.map((l) => l.ordinal)).toEqual(lessons.map((_, i) => i));
  });

  it('writes the draft tree and what publishing adds, parents first', () => {
    const tables = [...catalogRowsOf(course, spec.tenantId, html, '00000000-0000-4000-8000-0000000000ff').keys()];
    expect(tables.indexOf('catalog.courses')).toBeLessThan(tables.indexOf('catalog.modules'));
    expect(tables.indexOf('catalog.modules')).toBeLessThan(tables.indexOf('catalog.lessons'));
    expect(tables.indexOf('catalog.lessons')).toBeLessThan(tables.indexOf('catalog.blocks'));
  });
});

describe('comparing with what the use cases wrote', () => {
  it('lists the JSON paths of a value', () => {
    expect(keyPaths({ a: 1, b: [{ c: null }, { d: 'x' }], e: [] })).toEqual(['a', 'b[].c', 'b[].d', 'e[]']);
    expect(keyPaths({ tags: ['x'] })).toEqual(keyPaths({ tags: [] }));
  });

  it('compares rows ignoring key order and date types', () => {
    expect(canonicalJson({ b: 1, a: [new Date('2026-01-01T00:00:00Z')] })).toBe('{"a":["2026-01-01T00:00:00.000Z"],"b":1}');
    const expected = [{ id: '1', title: 'x', at: new Date('2026-01-01T00:00:00Z'), data: { p: 1, q: 2 } }];
    expect(rowDifferences(expected, [{ id: '1', title: 'x', at: new Date('2026-01-01T00:00:00Z'), data: { q: 2, p: 1 } }], 'id', ['title', 'at', 'data'])).toEqual([]);
    expect(rowDifferences(expected, [{ id: '1', title: 'y' }], 'id', ['title'])).toEqual(['1.title: expected "x", found "y"']);
    expect(rowDifferences(expected, [], 'id', ['title'])).toEqual(['1 rows expected, 0 found', 'row 1 missing']);
  });
});

describe('cache counters', () => {
  const exposition = [
    '# HELP tessera_cache_requests_total Cache look-ups by result (hit or miss)',
    '# TYPE tessera_cache_requests_total counter',
    'tessera_cache_requests_total{cache="memory",result="hit"} 990',
    'tessera_cache_requests_total{cache="memory",result="miss"} 10',
    'tessera_cache_requests_total{result="hit",cache="redis"} 5',
    'tessera_http_request_duration_seconds_count{method="GET"} 3',
  ].join('\n');

  it('sums hits and misses over caches', () => {
    expect(cacheCountsOf(exposition)).toEqual({ hits: 995, misses: 10 });
    expect(cacheCountsOf('')).toEqual({ hits: 0, misses: 0 });
  });

  it('takes the ratio of the change between two readings', () => {
    expect(hitRatioBetween({ hits: 100, misses: 10 }, { hits: 1_090, misses: 20 })).toEqual({ hits: 990, misses: 10, ratio: 0.99 });
    expect(hitRatioBetween({ hits: 1, misses: 1 }, { hits: 1, misses: 1 }).ratio).toBeNull();
  });
});

describe('search mix', () => {
  it('has distinct names and only well-formed query strings', () => {
    const mix = searchMix();
    expect(new Set(mix.map((c) => c.name)).size).toBe(mix.length);
    for (const search of mix) expect(new URLSearchParams(search.query).toString()).toBe(search.query);
  });
});
