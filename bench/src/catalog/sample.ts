/**
 * One course and one item authored and published through the catalog's own HTTP API (the real use cases),
 * then read back from the database: the bulk seed copies their shape, and this file checks that rows it
 * generates for the sample are exactly the rows the use cases wrote.
 */
import type { PublishedCourse } from '@tessera/catalog/contract';
import type { HttpApp } from '@tessera/platform';
import type { TestPlatform, TestTenant } from '@tessera/platform/testing';
import { sql } from 'kysely';
import { enrollmentRowsOf, keyPaths, rowDifferences, searchRowsOf, type HtmlTemplate, type Row } from './corpus.js';
import type { ItemSample } from './items.js';

const BLOCK_TEXT = 'Sample lesson text about algebra and equations.';
const STEM_TEXT = 'Which of these solves the sample equation.';
const READ_MODEL_TIMEOUT_MS = 60_000;

export interface Samples {
  /** Skill ids created through the API. */
  skills: string[];
  course: PublishedCourse;
  html: HtmlTemplate;
  item: ItemSample;
}

/** Sends a request through the app (no socket) and returns the JSON body, failing on any other status. */
export async function call<T>(app: HttpApp, who: TestTenant, method: 'GET' | 'POST', url: string, status: number, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await app.inject({
    method, url: `/api/v1${url}`,
    headers: { authorization: who.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  if (response.statusCode !== status) throw new Error(`${method} ${url} answered ${response.statusCode}, expected ${status}: ${response.body.slice(0, 500)}`);
  return response.json<T>();
}

/** Creates `names` as skills of `who`'s tenant through the API. */
export async function createSkills(app: HttpApp, who: TestTenant, names: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) ids.push((await call<{ id: string }>(app, who, 'POST', '/skills', 201, { name })).id);
  return ids;
}

/** Authors, publishes and reads back the samples in `who`'s tenant (an admin), then checks the generators against them. */
export async function publishSamples(platform: TestPlatform, app: HttpApp, who: TestTenant, skills: string[]): Promise<Samples> {
  const course = await publishSampleCourse(app, who, skills);
  const stored = await platform.db.withTenant<unknown, { snapshot: PublishedCourse; blocks: Row[]; search: Row[] }>(who.tenantId, async (tx) => ({
    snapshot: (await sql<{ snapshot: PublishedCourse }>`select snapshot from catalog.course_versions where course_id = ${course.id}`.execute(tx)).rows[0]!.snapshot,
    blocks: (await sql<Row>`select markdown, html from catalog.blocks where course_id = ${course.id}`.execute(tx)).rows,
    search: (await sql<Row>`select * from catalog.search_documents where course_id = ${course.id}`.execute(tx)).rows,
  }));
  const html = templateOf(String(stored.blocks[0]?.html ?? ''), BLOCK_TEXT, 'block html');
  const searchColumns = ['kind', 'course_id', 'version', 'visibility', 'title', 'summary', 'body', 'category', 'level', 'language', 'tags', 'skills', 'price_ref', 'published_at'];
  assertNone('search documents', rowDifferences(searchRowsOf(stored.snapshot, who.tenantId, html), stored.search, 'id', searchColumns));
  await checkEnrollmentReadModel(platform, who.tenantId, stored.snapshot);
  return { skills, course: stored.snapshot, html, item: await publishSampleItem(platform, app, who, skills) };
}

async function publishSampleCourse(app: HttpApp, who: TestTenant, skills: string[]): Promise<PublishedCourse> {
  const course = await call<{ id: string }>(app, who, 'POST', '/courses', 201, {
    title: 'Sample Algebra Course', summary: 'Equations and graphs.', category: 'Mathematics', language: 'en', level: 'beginner',
    tags: ['self-paced'], visibility: 'tenant',
  });
  for (let m = 0; m < 2; m++) {
    const module = await call<{ id: string }>(app, who, 'POST', `/courses/${course.id}/modules`, 201, { title: `Module ${m + 1}`, summary: 'About it.' });
    for (let l = 0; l < 2; l++) {
      const lesson = await call<{ id: string }>(app, who, 'POST', `/modules/${module.id}/lessons`, 201, {
        title: `Lesson ${m + 1}.${l + 1}`, summary: 'What it teaches.', skills: skills.slice(l, l + 1),
      });
      await call(app, who, 'POST', `/lessons/${lesson.id}/blocks`, 201, { kind: 'rich_text', markdown: BLOCK_TEXT });
    }
  }
  const draft = await call<{ version: number }>(app, who, 'GET', `/courses/${course.id}?view=draft`, 200);
  return call<PublishedCourse>(app, who, 'POST', `/courses/${course.id}/publish`, 200, undefined, { 'if-match': `"${draft.version}"` });
}

/** The consumer of `catalog.course.published` builds enrollment's rows; the bulk seed writes the same rows itself. */
async function checkEnrollmentReadModel(platform: TestPlatform, tenantId: string, course: PublishedCourse): Promise<void> {
  const expected = enrollmentRowsOf(course, tenantId);
  const deadline = Date.now() + READ_MODEL_TIMEOUT_MS;
  for (;;) {
    const found = await platform.db.withTenant<unknown, Record<string, Row[]>>(tenantId, async (tx) => ({
      'enrollment.courses': (await sql<Row>`select * from enrollment.courses where course_id = ${course.id}`.execute(tx)).rows,
      'enrollment.course_versions': (await sql<Row>`select * from enrollment.course_versions where course_id = ${course.id}`.execute(tx)).rows,
      'enrollment.course_lessons': (await sql<Row>`select * from enrollment.course_lessons where course_id = ${course.id}`.execute(tx)).rows,
    }));
    if ((found['enrollment.course_versions']?.length ?? 0) > 0 && (found['enrollment.course_lessons']?.length ?? 0) > 0) {
      for (const [table, rows] of expected) {
        const parsed = rows.map((row) => (typeof row.modules === 'string' ? { ...row, modules: JSON.parse(row.modules) as unknown } : row));
        const key = table === 'enrollment.course_lessons' ? 'lesson_id' : 'course_id';
        assertNone(table, rowDifferences(parsed, found[table] ?? [], key, Object.keys(rows[0] ?? {})));
      }
      return;
    }
    if (Date.now() > deadline) throw new Error(`enrollment did not record the sample course within ${READ_MODEL_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function publishSampleItem(platform: TestPlatform, app: HttpApp, who: TestTenant, skills: string[]): Promise<ItemSample> {
  const created = await call<{ id: string }>(app, who, 'POST', '/items', 201, {
    type: 'single_choice', title: 'Sample question', stem: `<p>${STEM_TEXT}</p>`, skills: skills.slice(0, 1),
    options: [{ id: 'A', text: 'one', correct: true }, { id: 'B', text: 'two', correct: false }, { id: 'C', text: 'three', correct: false }, { id: 'D', text: 'four', correct: false }],
  });
  await call(app, who, 'POST', `/items/${created.id}/publish`, 200);
  const row = await platform.db.withTenant<unknown, Row | undefined>(who.tenantId, async (tx) =>
    (await sql<Row>`select i.content, i.search_text, i.status, i.version, i.published_version, v.skills from catalog.items i
      join catalog.item_versions v on v.item_id = i.id and v.version = i.published_version where i.id = ${created.id}`.execute(tx)).rows[0]);
  if (!row) throw new Error('the sample item was not published');
  const content = row.content as ItemSample['content'];
  const stem = templateOf(String(content.stem), STEM_TEXT, 'item stem');
  assertSame('item search text', [`${String(content.title)} ${STEM_TEXT}`], [String(row.search_text)]);
  assertSame('item state after publishing', ['published', '2', '1'], [String(row.status), String(row.version), String(row.published_version)]);
  assertSame('item version skills', skills.slice(0, 1), row.skills as string[]);
  return { content, stemBefore: stem.before, stemAfter: stem.after };
}

/** What surrounds `text` in `html` as the use case stored it. */
function templateOf(html: string, text: string, what: string): HtmlTemplate {
  const at = html.indexOf(text);
  if (at === -1) throw new Error(`${what} ${JSON.stringify(html)} does not contain its text unchanged; the generator's plain text would be wrong`);
  return { before: html.slice(0, at), after: html.slice(at + text.length) };
}

/** Throws unless a generated course has the same JSON paths as the snapshot the use case froze. */
export function assertSameShape(generated: PublishedCourse, sample: PublishedCourse): void {
  assertSame('published snapshot keys', keyPaths(sample), keyPaths(generated));
}

function assertSame(what: string, expected: readonly string[], actual: readonly string[]): void {
  if (JSON.stringify(expected) !== JSON.stringify(actual)) throw new Error(`${what} differ from the use case's: expected ${JSON.stringify(expected)}, found ${JSON.stringify(actual)}`);
}

function assertNone(what: string, differences: string[]): void {
  if (differences.length > 0) throw new Error(`generated ${what} differ from the use case's: ${differences.slice(0, 5).join('; ')}`);
}
