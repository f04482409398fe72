import { randomUUID } from 'node:crypto';
import type { Tx } from '@tessera/platform';
import { DEFAULT_SETTINGS, type Exam, type ExamInput, type ExamSettings, type ExamVersion, type FrozenSection } from '../contract/exams.js';
import { AssessmentEvents, type ExamArchivedData, type ExamPublishedData } from '../contract/events.js';
import type { AssessmentDatabase, ExamDefinition } from '../db/assessment.table.js';
import { findExam, insertExam, insertExamVersion, listExams, setExamStatus, updateExamDraft } from '../db/exam.repository.js';
import { itemsMatching, latestItems } from '../db/item.repository.js';
import { ADAPTIVE_ITEM_TYPES, stopRulesOf } from '../domain/adaptive-exam.js';
import { adaptivePoolProblems, examProblems, sectionProblems, type ExamProblem } from '../domain/exam-problems.js';
import type { AssessmentDeps } from './deps.js';
import { assertCourseKnown } from './courses.js';
import { assessmentErrors } from './errors.js';
import { cacheExamVersion } from './exam-versions.js';

type Db = Tx<AssessmentDatabase>;
const MAX_POOL = 1_000;

function definitionOf(input: ExamInput, base: ExamSettings = DEFAULT_SETTINGS): ExamDefinition {
  return { settings: { ...base, ...input.settings }, sections: input.sections };
}

export async function createExam(deps: Pick<AssessmentDeps, 'db'>, tenantId: string, courseId: string, input: ExamInput, authorId: string | null): Promise<Exam> {
  return deps.db.withTenant<AssessmentDatabase, Exam>(tenantId, async (tx) => {
    await assertCourseKnown(tx, tenantId, courseId);
    return insertExam(tx, tenantId, { id: randomUUID(), courseId, title: input.title, category: input.category ?? 'exam', definition: definitionOf(input), createdBy: authorId });
  });
}

/**
 * Replaces the draft (If-Match on its version). Running attempts are untouched: they follow the version they
 * started from; the change reaches students when the draft is published.
 */
export async function updateExam(deps: Pick<AssessmentDeps, 'db'>, tenantId: string, examId: string, expectedVersion: number, input: ExamInput): Promise<Exam> {
  return deps.db.withTenant<AssessmentDatabase, Exam>(tenantId, async (tx) => {
    const exam = await findExam(tx, tenantId, examId, true);
    if (!exam) throw assessmentErrors.examNotFound(examId);
    if (exam.version !== expectedVersion) throw assessmentErrors.stale(examId, expectedVersion, exam.version);
    const status = exam.status === 'published' ? 'draft' : exam.status;
    await updateExamDraft(tx, tenantId, examId, expectedVersion, { title: input.title, category: input.category ?? exam.category, definition: definitionOf(input, exam.settings), status });
    return (await findExam(tx, tenantId, examId)) as Exam;
  });
}

export async function getExam(deps: Pick<AssessmentDeps, 'db'>, tenantId: string, examId: string): Promise<Exam> {
  const exam = await deps.db.withTenant<AssessmentDatabase, Exam | undefined>(tenantId, (tx) => findExam(tx, tenantId, examId));
  if (!exam) throw assessmentErrors.examNotFound(examId);
  return exam;
}

export async function examsOfCourse(deps: Pick<AssessmentDeps, 'db'>, tenantId: string, courseId: string, publishedOnly: boolean): Promise<Exam[]> {
  return deps.db.withTenant<AssessmentDatabase, Exam[]>(tenantId, async (tx) => {
    await assertCourseKnown(tx, tenantId, courseId);
    return listExams(tx, tenantId, courseId, publishedOnly);
  });
}

/**
 * Freezes the draft as the next version: every fixed item resolved to its latest published version, every
 * draw to its candidates (the listed pool, or the bank's items with the skills and difficulty asked for).
 * Refuses with 422 listing every problem. Attempts started before keep their version.
 */
export async function publishExam(deps: Pick<AssessmentDeps, 'db' | 'cache' | 'outbox'>, tenantId: string, examId: string, expectedVersion: number, actorId: string | null): Promise<Exam> {
  const { exam, frozen } = await deps.db.withTenant<AssessmentDatabase, { exam: Exam; frozen: ExamVersion }>(tenantId, async (tx) => {
    const draft = await findExam(tx, tenantId, examId, true);
    if (!draft) throw assessmentErrors.examNotFound(examId);
    if (draft.version !== expectedVersion) throw assessmentErrors.stale(examId, expectedVersion, draft.version);
    const { sections, problems } = await freezeSections(tx, tenantId, draft);
    const all = [...examProblems(draft), ...problems];
    if (all.length > 0) throw assessmentErrors.invalidExam(examId, all);
    const version = (draft.publishedVersion ?? 0) + 1;
    const snapshot: ExamVersion = {
      examId, courseId: draft.courseId, version, title: draft.title, category: draft.category, settings: draft.settings, sections, publishedAt: new Date().toISOString(),
    };
    await insertExamVersion(tx, tenantId, snapshot, actorId);
    await setExamStatus(tx, tenantId, examId, 'published', version);
    await deps.outbox.emit(tx, tenantId, [{ name: AssessmentEvents.examPublished, subject: examId, data: publishedData(snapshot, actorId) }]);
    return { exam: (await findExam(tx, tenantId, examId)) as Exam, frozen: snapshot };
  });
  await cacheExamVersion(deps, tenantId, frozen);
  return exam;
}

/** What other services learn of a published version (adaptive predicts who will struggle on it). */
function publishedData(exam: ExamVersion, publishedBy: string | null): ExamPublishedData {
  const itemIds = exam.sections.flatMap((section) => (section.kind === 'fixed' ? [section.item.itemId] : section.candidates.map((item) => item.itemId)));
  return {
    examId: exam.examId, courseId: exam.courseId, version: exam.version, title: exam.title, category: exam.category, opensAt: exam.settings.opensAt,
    closesAt: exam.settings.closesAt, adaptive: exam.settings.adaptive === true, itemIds: [...new Set(itemIds)], publishedAt: exam.publishedAt, publishedBy,
  };
}

/** Archives an exam: no new attempts; running ones finish, results stay. */
export async function archiveExam(deps: Pick<AssessmentDeps, 'db' | 'outbox'>, tenantId: string, examId: string, expectedVersion: number): Promise<Exam> {
  return deps.db.withTenant<AssessmentDatabase, Exam>(tenantId, async (tx) => {
    const exam = await findExam(tx, tenantId, examId, true);
    if (!exam) throw assessmentErrors.examNotFound(examId);
    if (exam.version !== expectedVersion) throw assessmentErrors.stale(examId, expectedVersion, exam.version);
    await setExamStatus(tx, tenantId, examId, 'archived');
    const archived: ExamArchivedData = { examId, courseId: exam.courseId, archivedAt: new Date().toISOString() };
    await deps.outbox.emit(tx, tenantId, [{ name: AssessmentEvents.examArchived, subject: examId, data: archived }]);
    return (await findExam(tx, tenantId, examId)) as Exam;
  });
}

async function freezeSections(tx: Db, tenantId: string, exam: Exam): Promise<{ sections: FrozenSection[]; problems: ExamProblem[] }> {
  const fixedIds = exam.sections.flatMap((s) => (s.kind === 'fixed' ? [s.itemId] : []));
  const known = new Map((await latestItems(tx, tenantId, fixedIds)).map((item) => [item.itemId, item]));
  const sections: FrozenSection[] = [];
  const problems: ExamProblem[] = [];
  for (const [index, section] of exam.sections.entries()) {
    if (section.kind === 'fixed') {
      const item = known.get(section.itemId);
      if (item) sections.push({ kind: 'fixed', points: section.points, item });
      else problems.push({ path: `/sections/${index}/itemId`, detail: `item ${section.itemId} has no published version` });
      continue;
    }
    const candidates = section.pool ? await latestItems(tx, tenantId, section.pool) : await itemsMatching(tx, tenantId, section, MAX_POOL);
    const excluded = new Set(fixedIds);
    const pool = candidates.filter((item) => !excluded.has(item.itemId));
    problems.push(...sectionProblems(index, section, pool.length));
    sections.push({ kind: 'draw', points: section.points, count: section.count, candidates: pool });
  }
  if (exam.settings.adaptive) {
    const pool = [...new Map(sections.flatMap((s) => (s.kind === 'draw' ? s.candidates : [])).map((item) => [item.itemId, item])).values()];
    problems.push(...adaptivePoolProblems(pool, stopRulesOf(exam.settings).minItems, ADAPTIVE_ITEM_TYPES));
  }
  return { sections, problems };
}
