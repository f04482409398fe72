import { api, unwrap } from '../../../api/client';
import type { ResponseOf } from './api-types';

export type Skill = ResponseOf<'/api/v1/skills/{skillId}', 'get'>;

/** Every skill of the tenant (the list is paged; skill graphs are small enough to hold whole). */
export async function loadAllSkills(): Promise<Skill[]> {
  const skills: Skill[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/api/v1/skills', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));
    skills.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return skills;
}
