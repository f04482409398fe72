import type { Tx } from '@tessera/platform';
import { sql } from 'kysely';
import type { Skill } from '../contract/index.js';
import type { CatalogDatabase, SkillRow } from './catalog.table.js';

type Db = Tx<CatalogDatabase>;

/** Serialises changes of a tenant's skill graph, so two concurrent edges cannot close a cycle unseen. */
export async function lockSkillGraph(tx: Db, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('catalog.skill_graph'), hashtext(${tenantId}))`.execute(tx);
}

export async function insertSkill(tx: Db, tenantId: string, skill: { id: string; name: string; description: string }): Promise<void> {
  await tx.insertInto('catalog.skills').values({ id: skill.id, tenant_id: tenantId, name: skill.name, description: skill.description }).execute();
}

/** True when the tenant has another skill called `name` (names are unique per tenant, case-insensitively). */
export async function nameTaken(tx: Db, tenantId: string, name: string, exceptId: string | null): Promise<boolean> {
  let query = tx.selectFrom('catalog.skills').select('id').where('tenant_id', '=', tenantId).where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function findSkill(tx: Db, tenantId: string, id: string): Promise<Skill | undefined> {
  const row = await tx.selectFrom('catalog.skills').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const edges = await tx.selectFrom('catalog.skill_prerequisites').select('requires_skill_id')
    .where('tenant_id', '=', tenantId).where('skill_id', '=', id).orderBy('requires_skill_id').execute();
  return toSkill(row, edges.map((e) => e.requires_skill_id));
}

/** Skills by name, after `afterName` (the list cursor). */
export async function listSkills(tx: Db, tenantId: string, limit: number, afterName?: { name: string; id: string }): Promise<Skill[]> {
  let query = tx.selectFrom('catalog.skills').selectAll().where('tenant_id', '=', tenantId).orderBy('name').orderBy('id').limit(limit);
  if (afterName) {
    query = query.where((eb) => eb.or([eb('name', '>', afterName.name), eb.and([eb('name', '=', afterName.name), eb('id', '>', afterName.id)])]));
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const edges = await tx.selectFrom('catalog.skill_prerequisites').select(['skill_id', 'requires_skill_id'])
    .where('tenant_id', '=', tenantId).where('skill_id', 'in', rows.map((r) => r.id)).orderBy('requires_skill_id').execute();
  return rows.map((row) => toSkill(row, edges.filter((e) => e.skill_id === row.id).map((e) => e.requires_skill_id)));
}

/** Names of the tenant's skills among `ids` (missing ones are absent from the map). */
export async function skillNames(tx: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('catalog.skills').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every skill and prerequisite edge of the tenant (the graph is small: hundreds to a few thousand skills). */
/** Takes the tenant's next graph number; call under `lockSkillGraph`, in the transaction that changes the graph. */
export async function nextSkillGraphVersion(tx: Db, tenantId: string): Promise<number> {
  const row = await tx.insertInto('catalog.skill_graph_versions').values({ tenant_id: tenantId, version: '1' })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet((eb) => ({ version: eb('catalog.skill_graph_versions.version', '+', '1') })))
    .returning('version').executeTakeFirstOrThrow();
  return Number(row.version);
}

export async function skillGraphOf(tx: Db, tenantId: string): Promise<{ skills: Array<{ skillId: string; name: string }>; prerequisites: Array<{ skillId: string; requiresSkillId: string }> }> {
  const skills = await tx.selectFrom('catalog.skills').select(['id', 'name']).where('tenant_id', '=', tenantId).orderBy('name').execute();
  const edges = await tx.selectFrom('catalog.skill_prerequisites').select(['skill_id', 'requires_skill_id']).where('tenant_id', '=', tenantId)
    .orderBy('skill_id').orderBy('requires_skill_id').execute();
  return {
    skills: skills.map((s) => ({ skillId: s.id, name: s.name })),
    prerequisites: edges.map((e) => ({ skillId: e.skill_id, requiresSkillId: e.requires_skill_id })),
  };
}

/** Changes name/description if the skill is at `expectedVersion`; false on a stale version. */
export async function updateSkillRow(tx: Db, tenantId: string, id: string, changes: { name?: string; description?: string }, expectedVersion: number): Promise<boolean> {
  const result = await tx.updateTable('catalog.skills').set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces the skills `id` directly requires. */
export async function replacePrerequisites(tx: Db, tenantId: string, id: string, requires: readonly string[]): Promise<void> {
  await tx.deleteFrom('catalog.skill_prerequisites').where('tenant_id', '=', tenantId).where('skill_id', '=', id).execute();
  if (requires.length === 0) return;
  await tx.insertInto('catalog.skill_prerequisites')
    .values(requires.map((requiresSkillId) => ({ tenant_id: tenantId, skill_id: id, requires_skill_id: requiresSkillId }))).execute();
}

function toSkill(row: SkillRow, prerequisites: string[]): Skill {
  return {
    id: row.id, name: row.name, description: row.description, prerequisites, version: row.version,
    createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  };
}
