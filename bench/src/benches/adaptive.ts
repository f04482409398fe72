import { budgetMisses, freshnessTable, nextTable, notesOf, seedTable } from '../adaptive/report.js';
import { measureSet, type AdaptivePlan, type SetResult } from '../adaptive/run-set.js';
import { chooseBackends } from '../kernel/backends.js';
import type { Bench, Json } from '../lib/bench.js';
import { backendFlags, numberFlag, stringFlag } from '../lib/flags.js';
import { asJson } from '../lib/results.js';

/**
 * The adaptive engine of issue 7 on a tenant with history: `GET /adaptive/next` under load, and how soon a
 * graded answer changes the recommendation it serves — a practice answer over HTTP, and an exam grade through
 * the outbox, the bus and adaptive's consumer — against the real service in a child process, per backend set.
 */
export const bench: Bench = {
  name: 'adaptive',
  description: 'Adaptive engine with 10,000 items and 5,000 students of history: GET /adaptive/next req/s and p50/p99 under load, and the delay from a graded answer (practice over HTTP; exam through outbox, bus and consumer) to the changed recommendation being served, p50/p99.',
  flags: {
    ...backendFlags,
    items: { type: 'string', description: 'items of the course (default 10000, quick 2000)' },
    students: { type: 'string', description: 'enrolled students with history (default 5000, quick 500)' },
    responses: { type: 'string', description: 'history answers per student (default 20)' },
    duration: { type: 'string', description: 'seconds of measured next load (default 15, quick 3)' },
    connections: { type: 'string', description: 'keep-alive connections of the next load (default 8)' },
    samples: { type: 'string', description: 'students sampled for each freshness path (default 200, quick 20)' },
  },
  async run(options) {
    const { quick, log } = options;
    const sets = chooseBackends({ backends: stringFlag(options, 'backends'), distributed: options.flags.distributed === true, embeddedData: 'disk' }, process.env);
    const plan = planOf(quick, (name, fallback) => numberFlag(options, name, fallback));
    const needed = 2 * (plan.practice.samples + plan.practice.warmup);
    if (needed > plan.seed.students) throw new Error(`--samples needs ${needed} students for both freshness paths, only ${plan.seed.students} are seeded`);
    log(`${plan.seed.items} items over ${plan.seed.skills} skills, ${plan.seed.students} students × ${plan.seed.responsesPerStudent} answers; backends: ${sets.map((set) => set.name).join(', ')}`);
    const results: SetResult[] = [];
    for (const set of sets) results.push(await measureSet(set, plan, log));
    const failed = results.flatMap((result) => [
      ...[result.next, result.next.single].filter((f) => f.non2xx > 0 || f.errors > 0 || f.timeouts > 0)
        .map((f) => `${result.backends}: ${JSON.stringify(f.statusCodes)}, ${f.errors} errors, ${f.timeouts} timeouts`),
      ...(Object.keys(result.next.paced.errors).length > 0 ? [`${result.backends} (paced): ${JSON.stringify(result.next.paced.errors)}`] : []),
    ]);
    if (failed.length > 0) throw new Error(`Requests failed: ${failed.join('; ')}`);
    return {
      parameters: {
        backends: sets.map((set) => set.name).join(', '), ...plan.seed,
        connections: plan.next.connections, durationSeconds: plan.next.durationSeconds, warmupSeconds: plan.next.warmupSeconds, pacedShare: plan.next.pacedShare,
        freshnessSamples: plan.practice.samples, pollMs: plan.exam.pollMs,
      },
      tables: [nextTable(results), freshnessTable(results), seedTable(results)],
      figures: { rows: results.map(asJson) as Json, budgetMisses: budgetMisses(results) },
      notes: notesOf(plan, results),
    };
  },
};

function planOf(quick: boolean, number: (name: string, fallback: number) => number): AdaptivePlan {
  const samples = number('samples', quick ? 20 : 200);
  const warmup = quick ? 3 : 10;
  const freshness = { samples, warmup, pollMs: 5, timeoutMs: 10_000 };
  return {
    seed: {
      skills: 100, chains: 5,
      items: number('items', quick ? 2_000 : 10_000),
      students: number('students', quick ? 500 : 5_000),
      responsesPerStudent: number('responses', 20),
    },
    next: { connections: number('connections', 8), warmupSeconds: quick ? 1 : 3, durationSeconds: number('duration', quick ? 3 : 15), pacedShare: 0.5 },
    practice: freshness,
    exam: freshness,
    seedTimeoutMs: (quick ? 5 : 20) * 60_000,
  };
}
