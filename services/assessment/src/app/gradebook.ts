import { assertCourseKnown } from './courses.js';
import { AppError, type Tx } from '@tessera/platform';
import type { Gradebook, GradingScheme, MyGradebook, SchemeInput } from '../contract/gradebook.js';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import {
  courseSubmissionsOf, findScheme, gradebookExams, gradebookStudents, saveScheme, type GradebookExam, type SubmissionScore,
} from '../db/gradebook.repository.js';
import { csvHeader, csvRow } from '../domain/gradebook-csv.js';
import {
  categoriesOf, defaultScheme, gradebookRow, resultsReleased, schemeProblems, type CategoryRule, type ExamColumn, type GradebookRow, type GradedAttempt,
} from '../domain/gradebook.js';
import type { AssessmentDeps } from './deps.js';
import { examVersion } from './exam-versions.js';

type Deps = Pick<AssessmentDeps, 'db' | 'cache'>;

/** Students per page of the CSV export (each page its own short transaction). */
const CSV_PAGE = 500;

export const gradebookErrors = {
  badScheme: (problems: Array<{ path: string; detail: string }>) =>
    new AppError('unprocessable', 'ASSESSMENT.SCHEME_INVALID', `The grading scheme cannot be taken: ${problems.map((p) => p.detail).join('; ')}`, { problems }),
  staleScheme: (courseId: string, expected: number, current: number) =>
    new AppError('precondition_failed', 'ASSESSMENT.VERSION_MISMATCH', `The grading scheme of course ${courseId} is at version ${current}, not ${expected}`),
} as const;

/** What every gradebook view starts from: the exam columns and the scheme in force. */
interface Frame {
  exams: GradebookExam[];
  columns: ExamColumn[];
  scheme: GradingScheme;
}

/** A course's grading scheme: the one staff set, or the default (equal weights over its exams' categories, version 0). */
export async function getScheme(deps: Deps, tenantId: string, courseId: string): Promise<GradingScheme> {
  return (await deps.db.withTenant<AssessmentDatabase, Frame>(tenantId, (tx) => frameOf(tx, tenantId, courseId))).scheme;
}

/** Sets a course's scheme (If-Match: its version, "0" while the default applies). */
export async function putScheme(deps: Deps, tenantId: string, courseId: string, input: SchemeInput, expectedVersion: number, userId: string | null): Promise<GradingScheme> {
  return deps.db.withTenant<AssessmentDatabase, GradingScheme>(tenantId, async (tx) => {
    await assertCourseKnown(tx, tenantId, courseId);
    const problems = schemeProblems(input.categories);
    if (problems.length > 0) throw gradebookErrors.badScheme(problems);
    const version = await saveScheme(tx, tenantId, courseId, input.categories, expectedVersion, userId);
    if (version === undefined) throw gradebookErrors.staleScheme(courseId, expectedVersion, (await findScheme(tx, tenantId, courseId))?.version ?? 0);
    return { courseId, categories: input.categories, isDefault: false, version };
  });
}

/** A page of a course's gradebook: one row per student with a submission, by user id (staff see every result). */
export async function courseGradebook(deps: Deps, tenantId: string, courseId: string, limit: number, after?: string): Promise<Omit<Gradebook, 'nextCursor'> & { next: string | null }> {
  return deps.db.withTenant<AssessmentDatabase, Omit<Gradebook, 'nextCursor'> & { next: string | null }>(tenantId, async (tx) => {
    const frame = await frameOf(tx, tenantId, courseId);
    const students = await gradebookStudents(tx, tenantId, courseId, limit + 1, after);
    const page = students.slice(0, limit);
    const items = await rowsOf(deps, tx, tenantId, courseId, frame, page, false);
    return { courseId, scheme: frame.scheme, exams: frame.columns, items, next: students.length > limit ? page[page.length - 1]! : null };
  });
}

/** The whole gradebook as CSV lines (header first), read page by page so a large course is never held at once. */
export async function* gradebookCsv(deps: Deps, tenantId: string, courseId: string): AsyncGenerator<string> {
  let frame: Frame | undefined;
  let after: string | undefined;
  let categories: string[] = [];
  for (;;) {
    const { lines, last } = await deps.db.withTenant<AssessmentDatabase, { lines: string[]; last: string | undefined }>(tenantId, async (tx) => {
      const out: string[] = [];
      if (!frame) {
        frame = await frameOf(tx, tenantId, courseId);
        categories = categoriesOf(frame.columns, frame.scheme.categories).map((c) => c.category);
        out.push(csvHeader(frame.columns, categories));
      }
      const students = await gradebookStudents(tx, tenantId, courseId, CSV_PAGE, after);
      for (const row of await rowsOf(deps, tx, tenantId, courseId, frame, students, false)) out.push(csvRow(row, categories));
      return { lines: out, last: students.length === CSV_PAGE ? students[students.length - 1] : undefined };
    });
    yield lines.join('');
    if (last === undefined) return;
    after = last;
  }
}

/** A student's own row: only results released to them count (and show). */
export async function myGradebook(deps: Deps, tenantId: string, userId: string, courseId: string): Promise<MyGradebook> {
  return deps.db.withTenant<AssessmentDatabase, MyGradebook>(tenantId, async (tx) => {
    const frame = await frameOf(tx, tenantId, courseId);
    const [row] = await rowsOf(deps, tx, tenantId, courseId, frame, [userId], true);
    return { courseId, scheme: frame.scheme, exams: frame.columns, row: row! };
  });
}

async function frameOf(tx: Tx<AssessmentDatabase>, tenantId: string, courseId: string): Promise<Frame> {
  await assertCourseKnown(tx, tenantId, courseId);
  const exams = await gradebookExams(tx, tenantId, courseId);
  const columns = exams.map(({ id, title, category }) => ({ id, title, category }));
  const stored = await findScheme(tx, tenantId, courseId);
  const scheme: GradingScheme = stored
    ? { courseId, categories: stored.categories, isDefault: false, version: stored.version }
    : { courseId, categories: defaultScheme(columns), isDefault: true, version: 0 };
  return { exams, columns, scheme };
}

/**
 * The rows of some students. Whether each result is released to its student follows the release policy of
 * the exam version it was taken on (cached, immutable) and the exam's hand release; `ownView` leaves out
 * graded results the student may not see yet (an attempt still being graded shows as pending either way).
 */
async function rowsOf(deps: Deps, tx: Tx<AssessmentDatabase>, tenantId: string, courseId: string, frame: Frame, userIds: readonly string[], ownView: boolean): Promise<GradebookRow[]> {
  const submissions = await courseSubmissionsOf(tx, tenantId, courseId, userIds);
  const released = await releaseCheck(deps, tx, tenantId, frame.exams, submissions);
  const byUser = new Map<string, GradedAttempt[]>(userIds.map((id) => [id, []]));
  for (const s of submissions) {
    const attempt: GradedAttempt = { examId: s.examId, status: s.status, score: s.score, maxScore: s.maxScore, released: released(s) };
    if (ownView && attempt.status === 'graded' && !attempt.released) continue;
    byUser.get(s.userId)?.push(attempt);
  }
  const scheme: CategoryRule[] = frame.scheme.categories;
  return userIds.map((userId) => gradebookRow(userId, frame.columns, scheme, byUser.get(userId) ?? []));
}

async function releaseCheck(deps: Deps, tx: Tx<AssessmentDatabase>, tenantId: string, exams: readonly GradebookExam[], submissions: readonly SubmissionScore[]): Promise<(s: SubmissionScore) => boolean> {
  const now = new Date();
  const byExam = new Map(exams.map((e) => [e.id, e]));
  const versions = new Map<string, boolean>();
  for (const s of submissions) {
    const key = `${s.examId}@${s.examVersion}`;
    if (versions.has(key)) continue;
    const version = await examVersion(deps, tenantId, s.examId, s.examVersion, tx);
    const exam = byExam.get(s.examId);
    versions.set(key, version !== undefined && resultsReleased(version.settings.resultsRelease, version.settings.closesAt, exam?.resultsReleasedAt ?? null, now));
  }
  return (s) => versions.get(`${s.examId}@${s.examVersion}`) ?? false;
}
