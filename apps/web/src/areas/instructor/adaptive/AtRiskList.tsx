import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui';
import type { ResponseOf } from '../lib/api-types';
import { useInsightFormat } from './format';

type AtRisk = ResponseOf<'/api/v1/adaptive/courses/{courseId}/at-risk', 'get'>;

/** Students whose expected score on the course's items is below the threshold, weakest first, with their weakest skills. */
export function AtRiskList({ data, nameOf }: { data: AtRisk; nameOf: (userId: string) => string }) {
  const { t } = useTranslation('instructor');
  const format = useInsightFormat();
  if (data.items.length === 0) return <EmptyState>{t('adaptive.noneAtRisk', { threshold: format.chance(data.threshold) })}</EmptyState>;
  return (
    <>
      <p className="muted">{t('adaptive.atRiskExplain', { threshold: format.chance(data.threshold) })}</p>
      <ul className="plain-list at-risk">
        {data.items.map((row) => (
          <li key={row.userId}>
            <strong>{nameOf(row.userId)}</strong>{' '}
            <span>{t('adaptive.expectedScore', { score: format.chance(row.expectedScore) })}</span>
            {row.weakestSkills.length > 0 ? (
              <span className="muted"> · {t('adaptive.weakest', { skills: row.weakestSkills.map((entry) => `${entry.skill.name} (${format.chance(entry.pKnown)})`).join(', ') })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
