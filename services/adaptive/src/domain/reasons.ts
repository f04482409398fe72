import type { ReasonCode } from './selection.js';

/** A selection's reason in words, as the student reads it next to the item. */
export function reasonText(code: ReasonCode, skillName: string, forSkillName: string | null): string {
  switch (code) {
    case 'review_due': return `Review due: ${skillName}`;
    case 'prerequisite': return `Prerequisite of ${forSkillName ?? 'what comes next'}: ${skillName}`;
    case 'close_to_mastery': return `You are close to mastering ${skillName}`;
    case 'new_skill': return `New skill: ${skillName}`;
    case 'explore': return `Practice ${skillName} with a new question`;
    case 'practice': return `Practice: ${skillName}`;
  }
}
