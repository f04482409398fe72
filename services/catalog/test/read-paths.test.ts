import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseStructure, Lesson, Prerequisites, PublishedCourse, Skill } from '../src/contract/index.js';
import { expectProblem, startCatalogKit, type CatalogKit, type Who } from './support/catalog-kit.js';

let kit: CatalogKit;
let author: Who;
let student: Who;
let other: Who;
let course: PublishedCourse;
let skills: Record<'count' | 'add' | 'multiply' | 'logic', Skill>;

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** Arithmetic: module 1 teaches adding (needs counting, taught nowhere), module 2 multiplying (needs adding). */
beforeAll(async () => {
  kit = await startCatalogKit();
  author = await kit.tenant(['instructor']);
  student = await kit.user(author, ['student']);
  other = await kit.tenant(['instructor']);
  skills = {
    count: await kit.skill(author, 'Counting'), add: await kit.skill(author, 'Adding'),
    multiply: await kit.skill(author, 'Multiplying'), logic: await kit.skill(author, 'Logic'),
  };
  await kit.ok(author, 'PUT', `/api/v1/skills/${skills.add.id}/prerequisites`, 200, { requires: [skills.count.id] }, ifMatch(1));
  await kit.ok(author, 'PUT', `/api/v1/skills/${skills.multiply.id}/prerequisites`, 200, { requires: [skills.add.id] }, ifMatch(1));
  const draft = await kit.course(author, { title: 'Arithmetic' });
  const m1 = await kit.module(author, draft.id, 'Adding');
  const m2 = await kit.module(author, draft.id, 'Multiplying');
  const lessons: Array<[string, string, string[]]> = [
    [m1.id, 'Sums', [skills.add.id]], [m1.id, 'Carrying', [skills.add.id]], [m2.id, 'Tables', [skills.multiply.id]], [m2.id, 'Proofs', [skills.logic.id]],
  ];
  for (const [moduleId, title, lessonSkills] of lessons) {
    const lesson = await kit.lesson(author, moduleId, { title, skills: lessonSkills });
    await kit.block(author, lesson.id, { kind: 'rich_text', markdown: `About ${title}` });
  }
  course = await kit.publish(author, draft.id);
});

afterAll(async () => kit?.close());

const lessonIds = () => course.modules.flatMap((m) => m.lessons.map((l) => l.id));

describe(`structure, next lesson and prerequisites (${testBackends.database})`, () => {
  it('answers the module structure of the published version', async () => {
    const structure = await kit.ok<CourseStructure>(student, 'GET', `/api/v1/courses/${course.id}/structure`, 200);
    expect(structure.version).toBe(1);
    expect(structure.modules.map((m) => [m.title, m.lessons.map((l) => l.title)])).toEqual([['Adding', ['Sums', 'Carrying']], ['Multiplying', ['Tables', 'Proofs']]]);
    expectProblem(await kit.request(student, 'GET', `/api/v1/courses/${course.id}/structure?view=draft`), 403);
    expect((await kit.ok<CourseStructure>(author, 'GET', `/api/v1/courses/${course.id}/structure?view=draft`, 200)).modules).toHaveLength(2);
  });

  it('answers the next lesson, across modules, null after the last one', async () => {
    const [sums, carrying, tables, proofs] = lessonIds();
    const next = (id: string, query = '') => kit.ok<{ next: { lessonId: string; newModule: boolean } | null; version: number }>(student, 'GET', `/api/v1/lessons/${id}/next${query}`, 200);
    expect((await next(sums!)).next).toMatchObject({ lessonId: carrying, newModule: false });
    expect((await next(carrying!)).next).toMatchObject({ lessonId: tables, newModule: true });
    expect((await next(proofs!)).next).toBeNull();
    expect((await next(sums!, '?version=1')).version).toBe(1);
    expectProblem(await kit.request(student, 'GET', `/api/v1/lessons/${sums}/next?version=9`), 404, 'CATALOG.VERSION_NOT_FOUND');
  });

  it('serves a published lesson with its content; the draft lesson only to authors', async () => {
    const [sums] = lessonIds();
    const lesson = await kit.ok<{ courseId: string; version: number; title: string; blocks: Array<{ html: string }> }>(student, 'GET', `/api/v1/lessons/${sums}`, 200);
    expect(lesson).toMatchObject({ courseId: course.id, version: 1, title: 'Sums' });
    expect(lesson.blocks[0]!.html).toContain('About Sums');
    expectProblem(await kit.request(student, 'GET', `/api/v1/lessons/${sums}?view=draft`), 403);
    expect((await kit.ok<Lesson>(author, 'GET', `/api/v1/lessons/${sums}?view=draft`, 200)).version).toBe(1);
  });

  it('answers transitive prerequisites of a lesson (with where the course teaches them) and of the course', async () => {
    const [, , tables, proofs] = lessonIds();
    const ofTables = await kit.ok<Prerequisites>(student, 'GET', `/api/v1/content/lesson/${tables}/prerequisites`, 200);
    expect(ofTables.teaches).toEqual([skills.multiply.id]);
    expect(ofTables.requires.map((r) => [r.name, r.depth, r.taughtIn])).toEqual([['Adding', 1, lessonIds()[0]], ['Counting', 2, null]]);
    expect((await kit.ok<Prerequisites>(student, 'GET', `/api/v1/content/lesson/${proofs}/prerequisites`, 200)).requires).toEqual([]);
    const ofCourse = await kit.ok<Prerequisites>(student, 'GET', `/api/v1/content/course/${course.id}/prerequisites`, 200);
    expect(ofCourse.teaches.sort()).toEqual([skills.add.id, skills.multiply.id, skills.logic.id].sort());
    expect(ofCourse.requires.map((r) => r.name)).toEqual(['Counting']);
  });

  it('hides every read path from another tenant', async () => {
    const [sums] = lessonIds();
    for (const url of [
      `/api/v1/courses/${course.id}/structure`, `/api/v1/lessons/${sums}`, `/api/v1/lessons/${sums}/next`,
      `/api/v1/content/lesson/${sums}/prerequisites`, `/api/v1/content/course/${course.id}/prerequisites`,
      `/api/v1/content/skill/${skills.add.id}/prerequisites`, `/api/v1/courses/${course.id}/structure?view=draft`,
    ]) {
      const response = await kit.request(other, 'GET', url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(404);
    }
  });
});
