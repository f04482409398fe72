import { decodeCursor, etagOf, Page, PageQuery, principalOf, toPage, versionFromIfMatch, type HttpApp, type ServiceContext } from '@tessera/platform';
import { prerequisitesOf } from '../app/navigation.js';
import { createSkill, getSkill, listSkillsPage, setPrerequisites, updateSkill } from '../app/skills.js';
import { CatalogPermissions, CreateSkillBody, Prerequisites, SetPrerequisitesBody, Skill, UpdateSkillBody } from '../contract/index.js';
import { IfMatch, SkillParams, tags } from './support.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isSkillCursor = ([name, id]: Array<string | number>) => typeof name === 'string' && typeof id === 'string' && UUID.test(id);

/** The tenant's skills and their prerequisite graph (kept acyclic). */
export async function skillRoutes(app: HttpApp, context: ServiceContext): Promise<void> {
  app.post('/skills', {
    config: { idempotent: true, permission: CatalogPermissions.author },
    schema: { tags, summary: 'Create a skill (emits catalog.skill_graph.changed)', body: CreateSkillBody, response: { 201: Skill } },
  }, async (request, reply) => {
    const skill = await createSkill(context, principalOf(request).tenantId, request.body);
    return reply.code(201).header('etag', etagOf(skill.version)).header('location', `/api/v1/skills/${skill.id}`).send(skill);
  });

  app.get('/skills', {
    config: { permission: CatalogPermissions.read },
    schema: { tags, summary: 'The tenant\'s skills by name', querystring: PageQuery, response: { 200: Page(Skill) } },
  }, async (request) => {
    const { limit, cursor } = request.query;
    const after = cursor ? decodeCursor(cursor, 2, isSkillCursor) : undefined;
    const rows = await listSkillsPage(context.db, principalOf(request).tenantId, limit, after && { name: String(after[0]), id: String(after[1]) });
    return toPage(rows, limit, (skill) => [skill.name, skill.id], (skill) => skill);
  });

  app.get('/skills/:skillId', {
    config: { permission: CatalogPermissions.read },
    schema: { tags, summary: 'A skill with the skills it directly requires', params: SkillParams, response: { 200: Skill } },
  }, async (request, reply) => {
    const skill = await getSkill(context.db, principalOf(request).tenantId, request.params.skillId);
    return reply.header('etag', etagOf(skill.version)).send(skill);
  });

  app.patch('/skills/:skillId', {
    config: { permission: CatalogPermissions.author },
    schema: { tags, summary: 'Rename or describe a skill (requires If-Match)', params: SkillParams, headers: IfMatch, body: UpdateSkillBody, response: { 200: Skill } },
  }, async (request, reply) => {
    const skill = await updateSkill(context, principalOf(request).tenantId, {
      id: request.params.skillId, changes: request.body, expectedVersion: versionFromIfMatch(request),
    });
    return reply.header('etag', etagOf(skill.version)).send(skill);
  });

  app.put('/skills/:skillId/prerequisites', {
    config: { permission: CatalogPermissions.author },
    schema: {
      tags, summary: 'Set the skills a skill directly requires (requires If-Match)',
      description: 'A change that would close a cycle is refused with 422; `cycle` names it in order, e.g. ["A", "B", "C", "A"].',
      params: SkillParams, headers: IfMatch, body: SetPrerequisitesBody, response: { 200: Skill },
    },
  }, async (request, reply) => {
    const skill = await setPrerequisites(context, principalOf(request).tenantId, {
      id: request.params.skillId, requires: request.body.requires, expectedVersion: versionFromIfMatch(request),
    });
    return reply.header('etag', etagOf(skill.version)).send(skill);
  });

  app.get('/skills/:skillId/prerequisites', {
    config: { permission: CatalogPermissions.read },
    schema: { tags, summary: 'Every skill a skill requires, transitively, with its distance', params: SkillParams, response: { 200: Prerequisites } },
  }, async (request) => prerequisitesOf(context, principalOf(request).tenantId, 'skill', request.params.skillId, null));
}

