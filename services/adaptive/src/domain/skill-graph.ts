/** The tenant's prerequisite graph: edges from a skill to the skills it requires. */
export class SkillGraph {
  private readonly requires = new Map<string, string[]>();
  private readonly requiredBy = new Map<string, string[]>();

  constructor(edges: ReadonlyArray<{ skillId: string; requiresSkillId: string }>, readonly names: ReadonlyMap<string, string> = new Map()) {
    for (const { skillId, requiresSkillId } of edges) {
      push(this.requires, skillId, requiresSkillId);
      push(this.requiredBy, requiresSkillId, skillId);
    }
  }

  prerequisitesOf(skillId: string): readonly string[] {
    return this.requires.get(skillId) ?? [];
  }

  dependentsOf(skillId: string): readonly string[] {
    return this.requiredBy.get(skillId) ?? [];
  }

  nameOf(skillId: string): string {
    return this.names.get(skillId) ?? 'this skill';
  }

  /** The skills and everything they require, transitively (catalog refuses cycles; a visited set guards anyway). */
  closure(skillIds: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const stack = [...skillIds];
    while (stack.length > 0) {
      const skill = stack.pop()!;
      if (seen.has(skill)) continue;
      seen.add(skill);
      stack.push(...this.prerequisitesOf(skill));
    }
    return seen;
  }

  /**
   * The skills in an order where every skill comes after its prerequisites (Kahn's algorithm); ties keep the
   * order given, so a course's own order of lessons decides between independent skills.
   */
  topologicalOrder(skillIds: readonly string[]): string[] {
    const inScope = new Set(skillIds);
    const pending = new Map(skillIds.map((skill) => [skill, this.prerequisitesOf(skill).filter((r) => inScope.has(r)).length]));
    const order: string[] = [];
    while (order.length < skillIds.length) {
      const next = skillIds.find((skill) => pending.get(skill) === 0);
      if (next === undefined) {
        // A cycle (never from catalog): append the rest as given rather than lose them.
        order.push(...skillIds.filter((skill) => pending.has(skill)));
        break;
      }
      pending.delete(next);
      order.push(next);
      for (const dependent of this.dependentsOf(next)) {
        const count = pending.get(dependent);
        if (count !== undefined) pending.set(dependent, count - 1);
      }
    }
    return order;
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
