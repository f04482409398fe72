import type { Problem } from '../../../api/problem';

/** What a problem carries beyond its title and detail (422s list `problems`; a skill cycle names `cycle`). */
type ProblemExtras = Problem & {
  problems?: unknown;
  cycle?: unknown;
  errors?: Array<{ field?: string; path?: string; pointer?: string; message?: string; detail?: string }>;
};

/** Each thing the API says is wrong, as one sentence, without repeats (validation often lists a field twice). */
export function problemLines(problem: Problem): string[] {
  const extras = problem as ProblemExtras;
  const lines: string[] = [];
  if (Array.isArray(extras.problems)) {
    for (const entry of extras.problems) lines.push(describeEntry(entry));
  }
  for (const error of extras.errors ?? []) {
    const where = (error.field ?? error.path ?? error.pointer ?? '').replace(/^\/(body|headers|query|params)\/?/, '');
    const what = error.message ?? error.detail ?? '';
    lines.push(where ? `${where}: ${what}` : what);
  }
  return [...new Set(lines.filter(Boolean))];
}

/** The skills of a refused prerequisite cycle, in order (first and last are the same), if the problem is one. */
export function cycleOf(problem: Problem): string[] | null {
  const cycle = (problem as ProblemExtras).cycle;
  return Array.isArray(cycle) && cycle.every((name) => typeof name === 'string') ? (cycle as string[]) : null;
}

function describeEntry(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') {
    const record = entry as Record<string, unknown>;
    const text = record.detail ?? record.problem ?? record.message;
    if (typeof text === 'string') return typeof record.path === 'string' && record.path ? `${record.path}: ${text}` : text;
  }
  return JSON.stringify(entry);
}
