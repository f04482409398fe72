export interface GraphNode {
  id: string;
  name: string;
  /** The ids of the nodes this one requires (edges point from each of them to this one). */
  requires: string[];
}

/**
 * Topological layers: a node sits one layer below the deepest node it requires, so every arrow points
 * downwards. Nodes caught in a cycle (the API refuses those, but a concurrent edit could show one) and
 * unknown prerequisites are put in the last layer rather than looping.
 */
export function layersOf(nodes: GraphNode[]): GraphNode[][] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const node = byId.get(id);
    const requires = (node?.requires ?? []).filter((other) => byId.has(other));
    const value = requires.length === 0 ? 0 : 1 + Math.max(...requires.map(depthOf));
    visiting.delete(id);
    depth.set(id, value);
    return value;
  };
  nodes.forEach((node) => depthOf(node.id));
  const layers: GraphNode[][] = [];
  for (const node of nodes) {
    const level = depth.get(node.id) ?? 0;
    (layers[level] ??= []).push(node);
  }
  return layers.filter(Boolean).map((layer) => layer.sort((a, b) => a.name.localeCompare(b.name)));
}

/** Every edge as (prerequisite, skill), by name, sorted: the text alternative of the drawing. */
export function edgesOf(nodes: GraphNode[]): Array<{ from: GraphNode; to: GraphNode }> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return nodes
    .flatMap((to) => to.requires.map((id) => byId.get(id)).filter((from): from is GraphNode => Boolean(from)).map((from) => ({ from, to })))
    .sort((a, b) => a.to.name.localeCompare(b.to.name) || a.from.name.localeCompare(b.from.name));
}
