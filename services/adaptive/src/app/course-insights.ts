import type { Tx } from '@tessera/platform';
import { sql } from 'kysely';
import type { AtRisk, ClassMastery, CourseSettings, CourseSettingsBody, ItemFit } from '../contract/schemas.js';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { examOfCourse, upcomingExam } from '../db/exam.repository.js';
import { findCourse, studentsOf, updateCourseSettings, type CourseRow } from '../db/read-models.repository.js';
import { irtPCorrect } from '../domain/learner-math.js';
import { itemParameters } from '../domain/predictor.js';
import type { AdaptiveDeps } from './deps.js';
import { adaptiveErrors } from './errors.js';
import { learnerSnapshot, predictFor } from './learner-state.js';
import { isPracticeType, round } from './next-item.js';

const MAX_STUDENTS = 500;

async function course(tx: Tx<AdaptiveDatabase>, tenantId: string, courseId: string): Promise<CourseRow> {
  const found = await findCourse(tx, tenantId, courseId);
  if (!found) throw adaptiveErrors.courseNotFound(courseId);
  return found;
}

/** The class heat map: P(known) of every student on every skill of the course (null: never practised). */
export async function classMastery(deps: AdaptiveDeps, tenantId: string, courseId: string): Promise<ClassMastery> {
  const models = await deps.models.of(tenantId);
  return deps.db.withTenant<AdaptiveDatabase, ClassMastery>(tenantId, async (tx) => {
    const found = await course(tx, tenantId, courseId);
    const skills = models.graph.topologicalOrder([...models.graph.closure(found.skills)]);
    const students = await studentsOf(tx, tenantId, courseId, MAX_STUDENTS);
    const rows = students.length === 0 ? [] : await tx.selectFrom('adaptive.mastery').select(['user_id', 'skill_id', 'p_known'])
      .where('tenant_id', '=', tenantId).where('user_id', 'in', students).execute();
    const byUser = new Map<string, Map<string, number>>();
    for (const row of rows) (byUser.get(row.user_id) ?? byUser.set(row.user_id, new Map()).get(row.user_id)!).set(row.skill_id, row.p_known);
    const matrix = students.map((userId) => ({ userId, mastery: skills.map((skill) => nullableRound(byUser.get(userId)?.get(skill))) }));
    return {
      courseId, masteryThreshold: found.masteryThreshold,
      skills: skills.map((id) => ({ id, name: models.graph.nameOf(id) })),
      students: matrix,
      average: skills.map((_skill, index) => average(matrix.map((student) => student.mastery[index] ?? null))),
    };
  });
}

/**
 * Students predicted to struggle on an exam: each student's expected score is their mean predicted P(correct)
 * over the items the exam may ask (the one named, else the course's next, else the course's whole bank: what
 * an exam drawn from it would ask); those under `threshold`, weakest first.
 */
export async function atRisk(deps: AdaptiveDeps, tenantId: string, courseId: string, threshold: number, examId?: string, now = new Date()): Promise<AtRisk> {
  const models = await deps.models.of(tenantId);
  return deps.db.withTenant<AdaptiveDatabase, AtRisk>(tenantId, async (tx) => {
    const found = await course(tx, tenantId, courseId);
    const exam = examId ? await examOfCourse(tx, tenantId, courseId, examId) : await upcomingExam(tx, tenantId, courseId, now);
    if (examId && !exam) throw adaptiveErrors.examNotFound(examId);
    const examItems = exam ? new Set(exam.itemIds) : null;
    const courseScope = new Set(models.graph.closure(found.skills));
    const items = [...models.items.values()].filter((item) => (examItems ? examItems.has(item.itemId) : isPracticeType(item.type) && inCourse(item, courseId, courseScope)));
    const scope = [...models.graph.closure(examItems ? items.flatMap((item) => item.skills) : found.skills)];
    const students = await studentsOf(tx, tenantId, courseId, MAX_STUDENTS);
    const flagged = [];
    for (const userId of students) {
      const snapshot = await learnerSnapshot(tx, tenantId, userId, scope);
      const predictions = items.map((item) => predictFor(models.weights, models, snapshot, item).pCorrect);
      const expected = predictions.length === 0 ? 1 : predictions.reduce((sum, p) => sum + p, 0) / predictions.length;
      if (expected >= threshold) continue;
      const weakest = scope.map((skill) => ({ skill, pKnown: snapshot.mastery.get(skill)?.pKnown ?? models.paramsOf(skill).prior }))
        .sort((x, y) => x.pKnown - y.pKnown).slice(0, 3);
      flagged.push({ userId, expectedScore: round(expected), weakestSkills: weakest.map((entry) => ({ skill: { id: entry.skill, name: models.graph.nameOf(entry.skill) }, pKnown: round(entry.pKnown) })) });
    }
    flagged.sort((x, y) => x.expectedScore - y.expectedScore);
    const about = exam ? { id: exam.examId, title: exam.title, opensAt: exam.opensAt?.toISOString() ?? null, closesAt: exam.closesAt?.toISOString() ?? null } : null;
    return { courseId, threshold, exam: about, items: flagged };
  });
}

const MIN_RESPONSES = 20;
const MAX_FIT_RESPONSES = 50_000;

/**
 * Items whose behaviour contradicts the model: negative discrimination (strong students fail it more than
 * weak ones: a wrong key?), misfit (infit mean square above 1.3 under the 2PL), or far too easy or hard.
 * Abilities are the students' current estimates.
 */
export async function itemFit(deps: AdaptiveDeps, tenantId: string, courseId: string): Promise<ItemFit> {
  const models = await deps.models.of(tenantId);
  return deps.db.withTenant<AdaptiveDatabase, ItemFit>(tenantId, async (tx) => {
    const found = await course(tx, tenantId, courseId);
    const rows = await tx.selectFrom('adaptive.responses as r')
      .innerJoin('adaptive.abilities as a', (join) => join.onRef('a.tenant_id', '=', 'r.tenant_id').onRef('a.user_id', '=', 'r.user_id'))
      .innerJoin('adaptive.items as i', (join) => join.onRef('i.tenant_id', '=', 'r.tenant_id').onRef('i.item_id', '=', 'r.item_id'))
      .select(['r.item_id', 'r.correct', 'a.theta', 'i.content'])
      .where('r.tenant_id', '=', tenantId)
      .where((eb) => eb.or([eb('i.course_id', '=', courseId), sql<boolean>`i.skills && ${found.skills}::uuid[]`]))
      .orderBy('r.answered_at', 'desc').limit(MAX_FIT_RESPONSES).execute();
    const byItem = new Map<string, { title: string | null; answers: Array<{ correct: boolean; theta: number }> }>();
    for (const row of rows) {
      const entry = byItem.get(row.item_id) ?? byItem.set(row.item_id, { title: titleOf(row.content), answers: [] }).get(row.item_id)!;
      entry.answers.push({ correct: row.correct, theta: row.theta });
    }
    const items = [...byItem].map(([itemId, entry]) => fitOf(itemId, entry.title, entry.answers, models.items.get(itemId)));
    items.sort((x, y) => y.flags.length - x.flags.length || (x.pointBiserial ?? 0) - (y.pointBiserial ?? 0));
    return { courseId, items };
  });
}

function fitOf(itemId: string, title: string | null, answers: Array<{ correct: boolean; theta: number }>, item: Parameters<typeof itemParameters>[0] | undefined) {
  const n = answers.length;
  const pCorrect = answers.filter((a) => a.correct).length / n;
  const params = item ? itemParameters(item) : { a: 1, b: 0 };
  const calibrated = item?.calibratedA !== null && item?.calibratedA !== undefined;
  let squared = 0;
  let variance = 0;
  for (const answer of answers) {
    const p = irtPCorrect(params.a, params.b, answer.theta);
    squared += ((answer.correct ? 1 : 0) - p) ** 2;
    variance += p * (1 - p);
  }
  const infit = n >= MIN_RESPONSES && variance > 0 ? squared / variance : null;
  const pointBiserial = n >= MIN_RESPONSES ? correlation(answers.map((a) => (a.correct ? 1 : 0)), answers.map((a) => a.theta)) : null;
  const flags: ItemFit['items'][number]['flags'] = [];
  if ((pointBiserial !== null && pointBiserial < -0.05) || (calibrated && params.a < 0)) flags.push('negative_discrimination');
  if (infit !== null && infit > 1.3) flags.push('misfit');
  if (n >= MIN_RESPONSES && pCorrect > 0.95) flags.push('too_easy');
  if (n >= MIN_RESPONSES && pCorrect < 0.1) flags.push('too_hard');
  return {
    itemId, title, responses: n, pCorrect: round(pCorrect), a: calibrated ? round(params.a) : null, b: calibrated ? round(params.b) : null,
    infit: infit === null ? null : round(infit), pointBiserial: pointBiserial === null ? null : round(pointBiserial), flags,
  };
}

export async function courseSettings(deps: AdaptiveDeps, tenantId: string, courseId: string): Promise<CourseSettings> {
  const found = await deps.db.withTenant<AdaptiveDatabase, CourseRow>(tenantId, (tx) => course(tx, tenantId, courseId));
  return settingsOf(found);
}

/** Changes a course's selection settings (If-Match on its version when given). */
export async function changeCourseSettings(deps: AdaptiveDeps, tenantId: string, courseId: string, body: CourseSettingsBody, expectedVersion: number | null): Promise<CourseSettings> {
  const updated = await deps.db.withTenant<AdaptiveDatabase, CourseRow>(tenantId, async (tx) => {
    const found = await course(tx, tenantId, courseId);
    if (expectedVersion !== null && expectedVersion !== found.settingsVersion) throw adaptiveErrors.staleSettings(found.settingsVersion);
    const next = { targetLow: body.targetLow ?? found.targetLow, targetHigh: body.targetHigh ?? found.targetHigh, masteryThreshold: body.masteryThreshold ?? found.masteryThreshold };
    if (next.targetLow >= next.targetHigh) throw adaptiveErrors.badBand();
    await updateCourseSettings(tx, tenantId, courseId, next);
    return { ...found, ...next, settingsVersion: found.settingsVersion + 1 };
  });
  // Selection reads settings from the model cache: this process at once, others within its refresh.
  deps.models.invalidate(tenantId);
  return settingsOf(updated);
}

function settingsOf(found: CourseRow): CourseSettings {
  return { courseId: found.courseId, targetLow: found.targetLow, targetHigh: found.targetHigh, masteryThreshold: found.masteryThreshold, version: found.settingsVersion };
}

function titleOf(content: unknown): string | null {
  const record = content as { title?: unknown; stem?: unknown };
  if (typeof record.title === 'string' && record.title) return record.title;
  return typeof record.stem === 'string' ? record.stem.replace(/<[^>]*>/g, '').slice(0, 120) : null;
}

function nullableRound(value: number | undefined): number | null {
  return value === undefined ? null : round(value);
}

function average(values: Array<number | null>): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : round(present.reduce((sum, value) => sum + value, 0) / present.length);
}

function correlation(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Whether an item belongs to the course: tagged with it, or teaching one of its skills or their prerequisites. */
function inCourse(item: { courseId: string | null; skills: readonly string[] }, courseId: string, courseScope: ReadonlySet<string>): boolean {
  return item.courseId === courseId || item.skills.some((skill) => courseScope.has(skill));
}
