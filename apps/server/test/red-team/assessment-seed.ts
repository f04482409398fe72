import { randomBytes } from 'node:crypto';
import { bearer, expectStatus, type Api, type ApiRequest } from './api.js';

/** A signed-in member of a seeded tenant (as much of one as this seed uses). */
interface Member {
  id: string;
  accessToken: string;
}

/** Who of the tenant takes part: the learning seed's cast. */
export interface AssessmentCast {
  label: string;
  instructor: Member;
  classmate: Member;
  etags: Map<string, string>;
}

/** A tenant's exam, and the second student's graded attempt at it. */
export interface SeededAssessment {
  /** An essay of the bank (besides the tenant's single-choice item), graded by hand in exams. */
  essay: { id: string; title: string; stem: string };
  /** Published, of the tenant-only course: the tenant's item, then the essay in slot `essaySlot`. */
  exam: { id: string; title: string; essaySlot: string };
  /** The second student's: submitted, its essay graded by the instructor, so graded. */
  attempt: TakenExam;
  /** The second student's extra time on the exam; its note is theirs. */
  accommodation: { userId: string; note: string };
}

/** An attempt taken to the end, with the words only its student and staff may read. */
export interface TakenExam {
  id: string;
  submissionId: string;
  essaySlot: string;
  essayText: string;
  graderComment: string;
}

const tag = () => randomBytes(4).toString('hex');
const POLL = { attempts: 800, intervalMs: 25 };
const pause = () => new Promise((resolve) => setTimeout(resolve, POLL.intervalMs));

/**
 * The instructor writes an essay item and builds an exam of the course from it and the tenant's item,
 * publishes it once assessment has learnt of both (`catalog.item.published`), and grants the second
 * student extra time; the second student (once assessment has learnt of their enrollment) takes it, the
 * grading worker grades the choice and queues the essay, and the instructor grades the essay by hand. The
 * relay and the consumers must be running. A few attempts are allowed, so that the same student can take it
 * again later (the live-results check).
 */
export async function seedAssessment(api: Api, cast: AssessmentCast, courseId: string, itemId: string): Promise<SeededAssessment> {
  const staff = bearer(cast.instructor.accessToken);
  const essay = await essayItem(api, cast);
  const title = `Exam of ${cast.label} ${tag()}`;
  const create = {
    method: 'POST', url: `/api/v1/courses/${courseId}/exams`, headers: staff,
    body: {
      title, category: 'exam', settings: { attemptsAllowed: 3, resultsRelease: 'immediately' },
      sections: [{ kind: 'fixed', itemId, points: 1 }, { kind: 'fixed', itemId: essay.id, points: 2 }],
    },
  };
  const draft = await until<{ id: string; version: number }>(api, create, 201, 'assessment never learnt of the course (catalog.course.published)');
  const publish = { method: 'POST', url: `/api/v1/exams/${draft.id}/publish`, headers: { ...staff, 'if-match': `"${draft.version}"` } };
  await until(api, publish, 200, 'assessment never learnt of the exam\'s items (catalog.item.published)');
  const note = `Accommodation of ${cast.label} ${tag()}`;
  await expectStatus(api, {
    method: 'PUT', url: `/api/v1/exams/${draft.id}/accommodations/${cast.classmate.id}`, headers: staff, body: { extraTimePercent: 25, note },
  }, 200);
  const { response } = await expectStatus(api, { method: 'GET', url: `/api/v1/exams/${draft.id}`, headers: staff }, 200);
  cast.etags.set(draft.id, String(response.headers.etag));
  const attempt = await takeExam(api, cast.classmate, cast.instructor, draft.id, cast.label);
  return { essay, exam: { id: draft.id, title, essaySlot: attempt.essaySlot }, attempt, accommodation: { userId: cast.classmate.id, note } };
}

async function essayItem(api: Api, cast: AssessmentCast): Promise<{ id: string; title: string; stem: string }> {
  const headers = bearer(cast.instructor.accessToken);
  const title = `Essay of ${cast.label} ${tag()}`;
  const stem = `Essay stem of ${cast.label} ${tag()}`;
  const { body } = await expectStatus<{ id: string }>(api, {
    method: 'POST', url: '/api/v1/items', headers, body: { type: 'essay', title, stem: `<p>${stem}</p>`, rubric: [{ criterion: 'Argument', points: 2 }] },
  }, 201);
  await expectStatus(api, { method: 'POST', url: `/api/v1/items/${body.id}/publish`, headers }, 200);
  return { id: body.id, title, stem };
}

/**
 * `student` starts an attempt (once assessment knows their enrollment), answers the choice rightly and writes
 * the essay (autosaved), submits; once the worker has queued the essay, `grader` grades it with its rubric,
 * and the submission is graded.
 */
export async function takeExam(api: Api, student: Member, grader: Member, examId: string, label: string): Promise<TakenExam> {
  const headers = bearer(student.accessToken);
  const start = { method: 'POST', url: `/api/v1/exams/${examId}/attempts`, headers };
  const started = await until<{ id: string; slots: Array<{ slot: string; item: { type: string } }> }>(api, start, 201, 'assessment never learnt of the student\'s enrollment (enrollment.enrollment.*)');
  const essaySlot = started.slots.find((slot) => slot.item.type === 'essay')?.slot ?? '';
  const essayText = `Essay answer of ${label} ${tag()}`;
  const answers = started.slots.map((slot, index) => ({
    slot: slot.slot, seq: index + 1, response: slot.slot === essaySlot ? { type: 'essay', text: essayText } : { type: 'single_choice', choice: 'A' },
  }));
  // Autosaved, then submitted with the last seq sent: the exam-day path, which also leaves answer rows behind.
  await expectStatus(api, { method: 'POST', url: `/api/v1/attempts/${started.id}/answers`, headers, body: { answers } }, 202);
  const { body: accepted } = await expectStatus<{ submissionId: string }>(api, {
    method: 'POST', url: `/api/v1/attempts/${started.id}/submit`, headers, body: { lastSeq: answers.length },
  }, 202);
  const status = { method: 'GET', url: `/api/v1/attempts/${started.id}/submission`, headers };
  await until(api, status, 200, 'the essay never reached the grading queue', (body: { status: string }) => body.status === 'pending_manual');
  const graderComment = `Grader comment of ${label} ${tag()}`;
  await expectStatus(api, {
    method: 'PUT', url: `/api/v1/submissions/${accepted.submissionId}/grades/${essaySlot}`, headers: bearer(grader.accessToken),
    body: { rubric: [{ criterion: 0, points: 1.5 }], comment: graderComment },
  }, 200);
  await until(api, status, 200, 'the submission was never graded', (body: { status: string }) => body.status === 'graded');
  return { id: started.id, submissionId: accepted.submissionId, essaySlot, essayText, graderComment };
}

/** Repeats `request` (bounded) until it answers `status` (and `done` holds for its body): for what events bring. */
async function until<T>(api: Api, request: ApiRequest, status: number, what: string, done: (body: T) => boolean = () => true): Promise<T> {
  let last = '';
  for (let attempt = 0; attempt < POLL.attempts; attempt++) {
    const response = await api(request);
    if (response.statusCode === status && done(response.json<T>())) return response.json<T>();
    last = `${response.statusCode} ${response.body.slice(0, 300)}`;
    await pause();
  }
  throw new Error(`Seeding: ${what}; ${request.method} ${request.url} last answered ${last}`);
}
