import { useTranslation } from 'react-i18next';
import type { ReasonCode } from '../api-types';

export interface Reason {
  code: ReasonCode | null;
  /** The server's own words (English), shown when the code is one this screen does not know yet. */
  text: string | null;
  skill: string | null;
  forSkill?: string | null;
}

const CODES: readonly string[] = ['review_due', 'prerequisite', 'close_to_mastery', 'new_skill', 'practice', 'explore'];

/** Why an item or a course's next step was chosen, in the reader's language. */
export function useReasonText(): (reason: Reason) => string | null {
  const { t } = useTranslation('student');
  return ({ code, text, skill, forSkill }) => {
    if (!code || !skill || !CODES.includes(code)) return text;
    if (code === 'prerequisite') return forSkill ? t('reason.prerequisiteOf', { skill, forSkill }) : t('reason.prerequisite', { skill });
    return t(`reason.${code}`, { skill });
  };
}
