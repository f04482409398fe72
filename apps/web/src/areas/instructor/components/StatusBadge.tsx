import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui';

const TONES: Record<string, 'success' | 'warning' | 'danger' | undefined> = {
  published: 'success',
  in_review: 'warning',
  archived: 'danger',
  draft: undefined,
};

/** The workflow status of a course, item or exam, in words (never by colour alone). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('instructor');
  return <Badge {...(TONES[status] ? { tone: TONES[status] } : {})}>{t(`status.${status}`, { defaultValue: status })}</Badge>;
}
