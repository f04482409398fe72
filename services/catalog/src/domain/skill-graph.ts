/** The prerequisite graph of a tenant: skill id → the skill ids it directly requires. */
export type SkillGraph = Map<string, readonly string[]>;

/** Builds the graph from its edges. */
export function graphOf(edges: ReadonlyArray<{ skillId: string; requiresSkillId: string }>): SkillGraph {
  const graph = new Map<string, string[]>();
  for (const edge of edges) {
    const list = graph.get(edge.skillId) ?? [];
    list.push(edge.requiresSkillId);
    graph.set(edge.skillId, list);
  }
  return graph;
}

/**
 * The cycle that giving `skillId` the prerequisites `requires` would close, as skill ids from `skillId` back
 * to it (`[A, B, C, A]`: A requires B, B requires C, C requires A), or null when the graph stays acyclic.
 * The rest of the graph is acyclic (every change went through here), so a new cycle must pass through `skillId`.
 */
export function cycleThrough(graph: SkillGraph, skillId: string, requires: readonly string[]): string[] | null {
  const proposed = new Map(graph);
  proposed.set(skillId, requires);
  const visited = new Set<string>();
  // Iterative depth-first search (bounded by the number of skills) for a path from a requirement back to skillId.
  const stack: Array<{ node: string; path: string[] }> = requires.map((node) => ({ node, path: [skillId, node] }));
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === skillId) return path;
    if (visited.has(node)) continue;
    visited.add(node);
    for (const next of proposed.get(node) ?? []) stack.push({ node: next, path: [...path, next] });
  }
  return null;
}

/** Every skill `start` requires, transitively, with its distance (1 = direct); `start` itself is not included. */
export function requiredSkills(graph: SkillGraph, start: Iterable<string>): Map<string, number> {
  const own = new Set(start);
  const depth = new Map<string, number>();
  let frontier = [...own];
  // Breadth-first, so each skill gets its shortest distance; each skill enters the frontier at most once.
  for (let level = 1; frontier.length > 0; level++) {
    const next: string[] = [];
    for (const skill of frontier) {
      for (const required of graph.get(skill) ?? []) {
        if (own.has(required) || depth.has(required)) continue;
        depth.set(required, level);
        next.push(required);
      }
    }
    frontier = next;
  }
  return depth;
}
