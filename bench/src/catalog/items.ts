import type { Row, TableRows } from './corpus.js';
import type { Random, Zipf } from './random.js';
import { textOf, titleOf, wordsOf } from './vocabulary.js';

/**
 * A single-choice item as the question bank stored it after the real create and publish use cases: its
 * normalised content and how its stem text sits in the stem html. Generated items copy everything else.
 */
export interface ItemSample {
  content: Record<string, unknown> & { options: Array<Record<string, unknown>> };
  stemBefore: string;
  stemAfter: string;
}

export interface ItemSpec {
  tenantId: string;
  authorId: string;
  skills: readonly string[];
  publishedAt: Date;
}

/** A published single-choice item: the draft row (published, version 2 as after publishing), its frozen version 1 and its skills. */
export function generateItem(random: Random, words: Zipf, sample: ItemSample, spec: ItemSpec): TableRows {
  const id = random.uuid();
  const title = titleOf(random, words, 2, 6);
  const stemText = textOf(random, words, 10, 40);
  const skills = spec.skills.length === 0 ? [] : [random.pick(spec.skills)];
  const answers = wordsOf(random, words, sample.content.options.length);
  const content = {
    ...sample.content, title, stem: `${sample.stemBefore}${stemText}${sample.stemAfter}`, skills,
    options: sample.content.options.map((option, i) => ({ ...option, text: answers[i] ?? 'none' })),
  };
  const json = JSON.stringify(content);
  const searchText = `${title} ${stemText}`;
  const item: Row = {
    id, tenant_id: spec.tenantId, type: 'single_choice', title, content: json, search_text: searchText, course_id: null, status: 'published',
    version: 2, published_version: 1, created_by: spec.authorId, created_at: spec.publishedAt, updated_at: spec.publishedAt,
  };
  const version: Row = {
    tenant_id: spec.tenantId, item_id: id, version: 1, type: 'single_choice', title, content: json, search_text: searchText, skills,
    published_at: spec.publishedAt, published_by: spec.authorId,
  };
  return new Map<string, Row[]>([
    ['catalog.items', [item]],
    ['catalog.item_versions', [version]],
    ['catalog.item_skills', skills.map((skillId) => ({ tenant_id: spec.tenantId, item_id: id, skill_id: skillId }))],
  ]);
}
