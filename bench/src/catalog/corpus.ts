import type { PublishedCourse } from '@tessera/catalog/contract';
import { Random, Zipf } from './random.js';
import { CATEGORIES, LEVELS, TAGS, WORDS, languageOf, textOf, titleOf } from './vocabulary.js';

/** A table row as the bulk insert sends it: column → value (arrays, dates and JSON text bound as parameters). */
export type Row = Record<string, unknown>;

/** Rows per table, in the order they must be inserted (foreign keys). */
export type TableRows = Map<string, Row[]>;

/** How the catalog turns a rich-text block's markdown into html, learnt from a block the real use case wrote. */
export interface HtmlTemplate {
  before: string;
  after: string;
}

export interface CourseSpec {
  tenantId: string;
  instructorId: string;
  /** Skill ids of the tenant; lessons teach one or two of them. */
  skills: readonly string[];
  /** When the course was published (the generator spreads courses a minute apart before it). */
  publishedAt: Date;
  html: HtmlTemplate;
  /** Share of courses with a price (the rest are free, so anyone may enroll at once). */
  pricedShare: number;
}

/**
 * A published course shaped as `publishCourse` freezes it: 2–4 modules of 2–4 lessons, each lesson one or two
 * rich-text blocks of 40–120 words. Text comes from the vocabulary's Zipf law, so search has real selectivity.
 */
export function generateCourse(random: Random, words: Zipf, spec: CourseSpec): PublishedCourse {
  const modules = Array.from({ length: random.int(2, 4) }, (_, m) => ({
    id: random.uuid(), title: titleOf(random, words, 2, 4), summary: textOf(random, words, 8, 16), position: m + 1,
    lessons: Array.from({ length: random.int(2, 4) }, (_, l) => ({
      id: random.uuid(), title: titleOf(random, words, 2, 5), summary: textOf(random, words, 8, 20), position: l + 1,
      skills: spec.skills.length === 0 ? [] : [...new Set([random.pick(spec.skills), random.pick(spec.skills)])].slice(0, random.int(1, 2)),
      blocks: Array.from({ length: random.int(1, 2) }, (_, b) => {
        const markdown = textOf(random, words, 40, 120);
        return {
          id: random.uuid(), kind: 'rich_text' as const, title: null, markdown, html: `${spec.html.before}${markdown}${spec.html.after}`,
          mediaId: null, itemId: null, position: b + 1,
        };
      }),
    })),
  }));
  const tagCount = random.int(0, 3);
  return {
    id: random.uuid(), version: 1, title: titleOf(random, words, 2, 6), summary: textOf(random, words, 20, 40),
    category: random.next() < 0.95 ? random.pick(CATEGORIES) : null, language: languageOf(random), level: random.pick(LEVELS),
    tags: [...new Set(Array.from({ length: tagCount }, () => random.pick(TAGS)))],
    priceRef: random.next() < spec.pricedShare ? `price_${random.int(1, 50)}` : null,
    visibility: random.pick(['public', 'tenant', 'tenant', 'unlisted'] as const),
    skills: [...new Set(modules.flatMap((m) => m.lessons.flatMap((l) => l.skills)))],
    instructors: [spec.instructorId], modules, publishedAt: spec.publishedAt.toISOString(), publishedBy: spec.instructorId,
  };
}

/** The plain text of a block's html as the generator wrote it (only letters, spaces and full stops: nothing to strip). */
function plainTextOf(html: string | null, template: HtmlTemplate): string {
  if (!html) return '';
  return html.slice(template.before.length, html.length - template.after.length);
}

/**
 * The search documents `indexPublishedCourse` writes for a published course: one for the course (its body is
 * the outline) and one per lesson (its body is the text of its blocks).
 */
export function searchRowsOf(course: PublishedCourse, tenantId: string, template: HtmlTemplate): Row[] {
  const common = {
    tenant_id: tenantId, course_id: course.id, version: course.version, visibility: course.visibility, category: course.category,
    level: course.level, language: course.language, tags: course.tags, price_ref: course.priceRef, published_at: new Date(course.publishedAt),
  };
  const outline = course.modules.flatMap((m) => [m.title, ...m.lessons.map((l) => `${l.title} ${l.summary}`)]).join(' ');
  return [
    { ...common, id: course.id, kind: 'course', title: course.title, summary: course.summary, body: outline, skills: course.skills },
    ...course.modules.flatMap((m) => m.lessons).map((lesson) => ({
      ...common, id: lesson.id, kind: 'lesson', title: lesson.title, summary: lesson.summary, skills: lesson.skills,
      body: lesson.blocks.map((b) => `${b.title ?? ''} ${plainTextOf(b.html, template)}`).join(' ').slice(0, 100_000),
    })),
  ];
}

/** The read model enrollment's consumer builds from `catalog.course.published` (see its `insertCourseVersion`). */
export function enrollmentRowsOf(course: PublishedCourse, tenantId: string): TableRows {
  const modules = [...course.modules].sort((a, b) => a.position - b.position);
  const lessons = modules.flatMap((m) => [...m.lessons].sort((a, b) => a.position - b.position).map((lesson) => ({ lesson, moduleId: m.id })));
  return new Map<string, Row[]>([
    ['enrollment.courses', [{ tenant_id: tenantId, course_id: course.id, latest_version: course.version }]],
    ['enrollment.course_versions', [{
      tenant_id: tenantId, course_id: course.id, version: course.version, title: course.title, price_ref: course.priceRef,
      modules: JSON.stringify(modules.map((m) => ({ moduleId: m.id, title: m.title, position: m.position }))),
      lesson_count: lessons.length, published_at: new Date(course.publishedAt),
    }]],
    ['enrollment.course_lessons', lessons.map(({ lesson, moduleId }, ordinal) => ({
      tenant_id: tenantId, course_id: course.id, version: course.version, lesson_id: lesson.id, module_id: moduleId, title: lesson.title, ordinal,
    }))],
  ]);
}

/**
 * Every catalog row of a course that was authored and then published once: the draft tree (course, co-author,
 * modules, lessons, blocks) and what publishing adds (the frozen version, the review log entry, the published
 * lessons and the search documents).
 */
export function catalogRowsOf(course: PublishedCourse, tenantId: string, template: HtmlTemplate, reviewLogId: string): TableRows {
  const at = new Date(course.publishedAt);
  const lessons = course.modules.flatMap((m) => m.lessons.map((lesson) => ({ lesson, moduleId: m.id })));
  return new Map<string, Row[]>([
    ['catalog.courses', [{
      id: course.id, tenant_id: tenantId, title: course.title, summary: course.summary, category: course.category, language: course.language,
      level: course.level, tags: course.tags, price_ref: course.priceRef, visibility: course.visibility, status: 'published',
      version: 1 + course.modules.length + lessons.length + lessons.reduce((n, { lesson }) => n + lesson.blocks.length, 0),
      published_version: course.version, reviewed_by: course.publishedBy, reviewed_at: at, created_at: at, updated_at: at,
    }]],
    ['catalog.course_instructors', course.instructors.map((userId) => ({ tenant_id: tenantId, course_id: course.id, user_id: userId }))],
    ['catalog.modules', course.modules.map((m) => ({ id: m.id, tenant_id: tenantId, course_id: course.id, title: m.title, summary: m.summary, position: m.position }))],
    ['catalog.lessons', lessons.map(({ lesson, moduleId }) => ({
      id: lesson.id, tenant_id: tenantId, course_id: course.id, module_id: moduleId, title: lesson.title, summary: lesson.summary,
      position: lesson.position, skills: lesson.skills,
    }))],
    ['catalog.blocks', lessons.flatMap(({ lesson }) => lesson.blocks.map((b) => ({
      id: b.id, tenant_id: tenantId, course_id: course.id, lesson_id: lesson.id, kind: b.kind, title: b.title, markdown: b.markdown,
      html: b.html, media_id: b.mediaId, item_id: b.itemId, position: b.position,
    })))],
    ['catalog.course_versions', [{
      tenant_id: tenantId, course_id: course.id, version: course.version, title: course.title, snapshot: JSON.stringify(course),
      published_by: course.publishedBy, published_at: at,
    }]],
    ['catalog.review_log', [{ id: reviewLogId, tenant_id: tenantId, course_id: course.id, action: 'published', actor_id: course.publishedBy, version: course.version, at }]],
    ['catalog.published_lessons', lessons.map(({ lesson }) => ({ tenant_id: tenantId, lesson_id: lesson.id, course_id: course.id }))],
    ['catalog.search_documents', searchRowsOf(course, tenantId, template)],
  ]);
}

/** Appends `more` to `into`, table by table, keeping the first-seen table order. */
export function mergeRows(into: TableRows, more: TableRows): TableRows {
  for (const [table, rows] of more) {
    const existing = into.get(table);
    if (existing) existing.push(...rows);
    else into.set(table, [...rows]);
  }
  return into;
}

/**
 * Every path to a leaf of a JSON value (`modules[].lessons[].blocks[].html`): two values built the same way
 * have the same paths, so a generated snapshot can be checked against one the real use case wrote.
 */
export function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [`${prefix}[]`] : [...new Set(value.flatMap((v) => keyPaths(v, `${prefix}[]`)))].sort();
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => keyPaths(v, prefix ? `${prefix}.${key}` : key)).sort();
  }
  return [prefix];
}

/** Differences between rows expected and rows read back, on `columns` (values compared as JSON; dates as ISO). */
export function rowDifferences(expected: Row[], actual: Row[], key: string, columns: readonly string[]): string[] {
  const normal = (value: unknown) => canonicalJson(value);
  const byKey = new Map(actual.map((row) => [String(row[key]), row]));
  const differences: string[] = [];
  if (expected.length !== actual.length) differences.push(`${expected.length} rows expected, ${actual.length} found`);
  for (const row of expected) {
    const found = byKey.get(String(row[key]));
    if (!found) {
      differences.push(`row ${String(row[key])} missing`);
      continue;
    }
    for (const column of columns) {
      if (normal(row[column]) !== normal(found[column])) differences.push(`${String(row[key])}.${column}: expected ${normal(row[column])}, found ${normal(found[column])}`);
    }
  }
  return differences;
}

/** JSON with object keys sorted and dates as ISO text, so jsonb's key order and driver types do not matter. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Course number `index` of a corpus: a random stream of its own, so a corpus can be built in slices and rebuilt alike. */
export function courseGenerator(seed: number, spec: CourseSpec): (index: number) => PublishedCourse {
  const words = wordFrequency();
  return (index) => generateCourse(new Random(seed * 1_000_003 + index), words, { ...spec, publishedAt: new Date(spec.publishedAt.getTime() - index * 60_000) });
}

/** How often each word of the vocabulary is drawn: Zipf with exponent 1.05 over its order. */
export function wordFrequency(): Zipf {
  return new Zipf(WORDS.length, 1.05);
}
