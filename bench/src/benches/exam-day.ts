import { chooseBackends } from '../kernel/backends.js';
import type { Bench } from '../lib/bench.js';
import { backendFlags, numberFlag, stringFlag } from '../lib/flags.js';
import { entriesOf, figuresOf, notesOf, resultsTable, setupTable } from '../exam-day/report.js';
import { rightPercentOfSheets } from '../exam-day/items.js';
import { measureSet, type ExamDayPlan, type SetResult } from '../exam-day/run-set.js';

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The exam-day path of issue 5 under load: N students start an exam in a spike, then submit over a window
 * from a separate process; the queued submit (202, graded by workers) against a naive endpoint that grades
 * in the request, with every accepted submission checked to be graded exactly once.
 */
export const bench: Bench = {
  name: 'exam-day',
  description: 'Exam day: N students start an exam within S/4 s, then submit over S s from a separate process; accepted/s, start and submit p50/p95/p99/max, errors by status, time to grade the last submission, lost and duplicated grades — the queued 202 path against a naive grade-in-the-request baseline.',
  flags: {
    ...backendFlags,
    'embedded-data': { type: 'string', description: 'disk (a temp folder, as `npm start`; default) or memory' },
    students: { type: 'string', description: 'students N, each starting and submitting one attempt per path (default 50000, quick 1000)' },
    'embedded-students': { type: 'string', description: 'students of the embedded set (default: as --students); one process grades them all there' },
    window: { type: 'string', description: 'seconds S the submits are spread over; starts take the first S/4 (default 60, quick 10)' },
    workers: { type: 'string', description: 'grading worker processes K in the distributed set (default 2, quick 1)' },
    apis: { type: 'string', description: 'API processes in the distributed set, the load spread over them round robin (default 2)' },
    connections: { type: 'string', description: 'keep-alive connections of each load generator (default 64)' },
  },
  async run(options) {
    const { quick, log } = options;
    const embeddedData = stringFlag(options, 'embedded-data') ?? 'disk';
    if (embeddedData !== 'disk' && embeddedData !== 'memory') throw new Error('--embedded-data takes disk or memory');
    const sets = chooseBackends({ backends: stringFlag(options, 'backends'), distributed: options.flags.distributed === true, embeddedData }, process.env);
    const students = numberFlag(options, 'students', quick ? 1_000 : 50_000);
    const plan: ExamDayPlan = {
      students,
      embeddedStudents: numberFlag(options, 'embedded-students', students),
      windowSeconds: numberFlag(options, 'window', quick ? 10 : 60),
      workers: numberFlag(options, 'workers', quick ? 1 : 2),
      apis: numberFlag(options, 'apis', 2),
      connections: numberFlag(options, 'connections', 64),
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    };
    log(`${plan.students} students, window ${plan.windowSeconds} s (starts in the first ${plan.windowSeconds / 4} s), backends: ${sets.map((set) => set.name).join(', ')}`);
    const results: SetResult[] = [];
    for (const set of sets) results.push(await measureSet(set, plan, log));
    const entries = entriesOf(results, plan);
    return {
      parameters: {
        backends: sets.map((set) => set.name).join(', '), embeddedData, students: plan.students, embeddedStudents: plan.embeddedStudents, windowSeconds: plan.windowSeconds, startSeconds: plan.windowSeconds / 4,
        workers: plan.workers, apis: plan.apis, connections: plan.connections, requestTimeoutSeconds: plan.requestTimeoutMs / 1000,
        answerSheetsRightPercent: Math.round(rightPercentOfSheets() * 10) / 10,
      },
      tables: [resultsTable(entries), setupTable(results)],
      figures: figuresOf(entries, results),
      notes: notesOf(plan, entries),
    };
  },
};
