import type { TreeModule } from '../contract/index.js';
import type { SkillGraph } from './skill-graph.js';

/** One reason a course cannot be published, with the ids an editor needs to find it. */
export interface CourseProblem {
  code: 'NO_MODULES' | 'EMPTY_MODULE' | 'EMPTY_LESSON' | 'EMPTY_TEXT' | 'ITEM_PROBLEM' | 'MISSING_MEDIA' | 'UNKNOWN_SKILL' | 'PREREQUISITE_TAUGHT_LATER';
  detail: string;
  moduleId?: string;
  lessonId?: string;
  blockId?: string;
  itemId?: string;
  mediaId?: string;
  skillId?: string;
}

/** What validation needs besides the tree: skill names and graph, the problems of the items it embeds, the media it shows. */
export interface ValidationContext {
  skillNames: ReadonlyMap<string, string>;
  graph: SkillGraph;
  itemProblems: ReadonlyArray<{ itemId: string; problem: string }>;
  /** Which of the media the tree's video and file blocks name the tenant (still) has. */
  existingMedia: ReadonlySet<string>;
}

/**
 * Every problem that keeps a course tree from being published (all of them, not the first): empty modules
 * and lessons, empty text, question blocks whose item is broken, video and file blocks whose media is gone,
 * skills that no longer exist, and
 * prerequisites the course teaches only after the lesson that needs them. A prerequisite the course does
 * not teach at all is an entry requirement of the course, not a problem.
 */
export function courseProblems(modules: readonly TreeModule[], context: ValidationContext): CourseProblem[] {
  const problems: CourseProblem[] = [];
  if (modules.length === 0) problems.push({ code: 'NO_MODULES', detail: 'the course has no modules' });
  for (const module of modules) {
    if (module.lessons.length === 0) problems.push({ code: 'EMPTY_MODULE', detail: `module "${module.title}" has no lessons`, moduleId: module.id });
    for (const lesson of module.lessons) problems.push(...lessonProblems(module, lesson, context));
  }
  problems.push(...prerequisiteProblems(modules, context));
  return problems;
}

function lessonProblems(module: TreeModule, lesson: TreeModule['lessons'][number], context: ValidationContext): CourseProblem[] {
  const where = `lesson "${lesson.title}" (module "${module.title}")`;
  const problems: CourseProblem[] = [];
  if (lesson.blocks.length === 0) problems.push({ code: 'EMPTY_LESSON', detail: `${where} has no content blocks`, moduleId: module.id, lessonId: lesson.id });
  for (const block of lesson.blocks) {
    const ids = { moduleId: module.id, lessonId: lesson.id, blockId: block.id };
    if (block.kind === 'rich_text' && (block.html ?? '').replace(/<[^>]*>/g, '').trim() === '') {
      problems.push({ code: 'EMPTY_TEXT', detail: `block ${block.position} of ${where} has no text`, ...ids });
    }
    if (block.kind === 'question' && block.itemId) {
      for (const issue of context.itemProblems.filter((p) => p.itemId === block.itemId)) {
        problems.push({ code: 'ITEM_PROBLEM', detail: `block ${block.position} of ${where}: ${issue.problem}`, ...ids, itemId: block.itemId });
      }
    }
    if ((block.kind === 'video' || block.kind === 'file') && !(block.mediaId && context.existingMedia.has(block.mediaId))) {
      const detail = `${block.kind} block ${block.position} of ${where} shows media ${block.mediaId ?? '(none)'}, which does not exist`;
      problems.push({ code: 'MISSING_MEDIA', detail, ...ids, ...(block.mediaId && { mediaId: block.mediaId }) });
    }
  }
  for (const skillId of lesson.skills) {
    if (!context.skillNames.has(skillId)) {
      problems.push({ code: 'UNKNOWN_SKILL', detail: `${where} is tagged with skill ${skillId}, which does not exist`, moduleId: module.id, lessonId: lesson.id, skillId });
    }
  }
  return problems;
}

function prerequisiteProblems(modules: readonly TreeModule[], context: ValidationContext): CourseProblem[] {
  const lessons = modules.flatMap((module) => module.lessons.map((lesson) => ({ module, lesson })));
  const firstTaught = new Map<string, number>();
  lessons.forEach(({ lesson }, index) => lesson.skills.forEach((skill) => { if (!firstTaught.has(skill)) firstTaught.set(skill, index); }));
  const name = (id: string) => context.skillNames.get(id) ?? id;
  const problems: CourseProblem[] = [];
  lessons.forEach(({ module, lesson }, index) => {
    for (const skillId of lesson.skills) {
      for (const required of context.graph.get(skillId) ?? []) {
        const taught = firstTaught.get(required);
        // Taught earlier, or in the same lesson (which can teach both in order): fine.
        if (taught === undefined || taught <= index) continue;
        const later = lessons[taught]!.lesson;
        problems.push({
          code: 'PREREQUISITE_TAUGHT_LATER',
          detail: `lesson "${lesson.title}" teaches "${name(skillId)}", which requires "${name(required)}", `
            + `but the course teaches that only later, in lesson "${later.title}"`,
          moduleId: module.id, lessonId: lesson.id, skillId: required,
        });
      }
    }
  });
  return problems;
}
