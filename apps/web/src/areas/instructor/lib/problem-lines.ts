import type { Problem } from '../../../api/problem';

/** What the catalog's problems carry beyond title, detail and field errors (a refused publish lists `problems`; a skill cycle names `cycle`). */
type ProblemExtras = Problem & { problems?: unknown; cycle?: unknown };

/** Each problem a refusal lists (a course that cannot be published names every one), as one sentence, without repeats. */
export function listedProblems(problem: Problem): string[] {
  const listed = (problem as ProblemExtras).problems;
  return Array.isArray(listed) ? [...new Set(listed.map(describeEntry).filter(Boolean))] : [];
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
