import { randomUUID } from 'node:crypto';
import { AppError, type Database, type Outbox, type Tx } from '@tessera/platform';
import { CatalogEvents, type CreateSkillBody, type Skill, type SkillGraphChangedData, type UpdateSkillBody } from '../contract/index.js';
import type { CatalogDatabase } from '../db/catalog.table.js';
import {
  findSkill, insertSkill, listSkills, lockSkillGraph, nameTaken, nextSkillGraphVersion, replacePrerequisites, skillGraphOf, skillNames, updateSkillRow,
} from '../db/skill.repository.js';
import { cycleThrough, graphOf } from '../domain/skill-graph.js';
import { catalogErrors } from './errors.js';

type Db = Tx<CatalogDatabase>;

/** What skill changes need. */
export interface SkillDeps {
  db: Database;
  outbox: Outbox;
}

/** Creates a skill; names are unique per tenant (case-insensitively). */
export async function createSkill(deps: SkillDeps, tenantId: string, body: CreateSkillBody): Promise<Skill> {
  return deps.db.withTenant<CatalogDatabase, Skill>(tenantId, async (tx) => {
    await lockSkillGraph(tx, tenantId);
    await assertNameFree(tx, tenantId, body.name, null);
    const id = randomUUID();
    await insertSkill(tx, tenantId, { id, name: body.name, description: body.description ?? '' });
    await emitGraphChanged(deps, tx, tenantId);
    return (await findSkill(tx, tenantId, id))!;
  });
}

/** Renames or redescribes a skill if the caller saw its current version. */
export async function updateSkill(deps: SkillDeps, tenantId: string, command: { id: string; changes: UpdateSkillBody; expectedVersion: number }): Promise<Skill> {
  return deps.db.withTenant<CatalogDatabase, Skill>(tenantId, async (tx) => {
    await lockSkillGraph(tx, tenantId);
    const skill = await mustFindSkill(tx, tenantId, command.id);
    if (command.changes.name !== undefined) await assertNameFree(tx, tenantId, command.changes.name, skill.id);
    if (!(await updateSkillRow(tx, tenantId, skill.id, command.changes, command.expectedVersion))) {
      throw catalogErrors.stale('skill', skill.id, command.expectedVersion, skill.version);
    }
    if (command.changes.name !== undefined && command.changes.name !== skill.name) await emitGraphChanged(deps, tx, tenantId);
    return (await findSkill(tx, tenantId, skill.id))!;
  });
}

/**
 * Replaces the skills `id` directly requires. Refuses unknown skills (422) and any change that would close
 * a cycle (422 naming it: "A → B → C → A", and the skills in order in `cycle`).
 */
export async function setPrerequisites(deps: SkillDeps, tenantId: string, command: { id: string; requires: string[]; expectedVersion: number }): Promise<Skill> {
  return deps.db.withTenant<CatalogDatabase, Skill>(tenantId, async (tx) => {
    await lockSkillGraph(tx, tenantId);
    const skill = await mustFindSkill(tx, tenantId, command.id);
    if (skill.version !== command.expectedVersion) throw catalogErrors.stale('skill', skill.id, command.expectedVersion, skill.version);
    const graph = await skillGraphOf(tx, tenantId);
    const names = new Map(graph.skills.map((s) => [s.skillId, s.name]));
    const unknown = command.requires.filter((rid) => !names.has(rid));
    if (unknown.length > 0) {
      throw new AppError('unprocessable', 'CATALOG.UNKNOWN_SKILL', `No skill ${unknown.join(', ')}`, {
        errors: unknown.map((rid) => ({ pointer: `/body/requires/${command.requires.indexOf(rid)}`, detail: `no skill ${rid}` })),
      });
    }
    const cycle = cycleThrough(graphOf(graph.prerequisites), skill.id, command.requires);
    if (cycle) {
      const named = cycle.map((sid) => names.get(sid) ?? sid);
      throw new AppError('unprocessable', 'CATALOG.PREREQUISITE_CYCLE', `These prerequisites would make a cycle: ${named.join(' → ')}`, {
        cycle: named, cycleSkillIds: cycle,
      });
    }
    await replacePrerequisites(tx, tenantId, skill.id, command.requires);
    await updateSkillRow(tx, tenantId, skill.id, {}, skill.version);
    await emitGraphChanged(deps, tx, tenantId);
    return (await findSkill(tx, tenantId, skill.id))!;
  });
}

export async function getSkill(db: Database, tenantId: string, id: string): Promise<Skill> {
  return db.withTenant<CatalogDatabase, Skill>(tenantId, (tx) => mustFindSkill(tx, tenantId, id));
}

/** A page of the tenant's skills by name. */
export async function listSkillsPage(db: Database, tenantId: string, limit: number, after?: { name: string; id: string }): Promise<Skill[]> {
  return db.withTenant<CatalogDatabase, Skill[]>(tenantId, (tx) => listSkills(tx, tenantId, limit + 1, after));
}

/** Names of skills by id (for prerequisite answers). */
export async function namesOf(db: Database, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  return db.withTenant<CatalogDatabase, Map<string, string>>(tenantId, (tx) => skillNames(tx, tenantId, ids));
}

async function emitGraphChanged(deps: SkillDeps, tx: Db, tenantId: string): Promise<void> {
  const data: SkillGraphChangedData = { graphVersion: await nextSkillGraphVersion(tx, tenantId), ...await skillGraphOf(tx, tenantId) };
  await deps.outbox.emit(tx, tenantId, [{ name: CatalogEvents.skillGraphChanged, subject: tenantId, data }]);
}

async function assertNameFree(tx: Db, tenantId: string, name: string, exceptId: string | null): Promise<void> {
  if (await nameTaken(tx, tenantId, name, exceptId)) {
    throw new AppError('conflict', 'CATALOG.SKILL_NAME_TAKEN', `The tenant already has a skill called "${name}"`, {
      errors: [{ pointer: '/body/name', detail: 'is taken' }],
    });
  }
}

async function mustFindSkill(tx: Db, tenantId: string, id: string): Promise<Skill> {
  const skill = await findSkill(tx, tenantId, id);
  if (!skill) throw catalogErrors.skillNotFound(id);
  return skill;
}
